namespace PartyAffairs.Bot.State;

/// <summary>A kept copy of a checkpoint: its folder and its manifest (null when the manifest is missing or unreadable).</summary>
internal sealed record KeptCheckpoint(string Directory, CheckpointManifest? Manifest);
