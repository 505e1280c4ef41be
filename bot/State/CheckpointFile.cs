namespace PartyAffairs.Bot.State;

/// <summary>One file of a checkpoint: its path under the checkpoint root ('/'-separated), its size and SHA-256 (hex).</summary>
public sealed record CheckpointFile(string Path, long Size, string Sha256);
