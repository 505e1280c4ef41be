using System.Text.Json;

namespace PartyAffairs.BotFramework.Schema;

/// <summary>The HTTP answer to an invoke activity: a status code and an optional JSON body.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null);
