using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.Http;

/// <summary>The outcome of reading an activity: the activity, or the error response to send instead.</summary>
internal sealed record ActivityReadResult(Activity? Activity, IResult? Error);
