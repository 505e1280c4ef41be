using System.Text.Json;

namespace PartyAffairs.Bot.Tests.Protocol.Fakes;

/// <summary>One call a fake service received.</summary>
internal sealed record ReceivedCall(string RawTarget, string Authorization, string? ContentType, JsonElement Body);
