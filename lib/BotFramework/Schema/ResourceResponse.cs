namespace PartyAffairs.BotFramework.Schema;

/// <summary>The id a channel gives an activity it accepted.</summary>
public sealed record ResourceResponse(string? Id);
