using System.Text.Json;

namespace PartyAffairs.Tests.BotFramework;

/// <summary>One call a fake service received.</summary>
internal sealed record ReceivedCall(string RawTarget, string Authorization, string? ContentType, JsonElement Body);
