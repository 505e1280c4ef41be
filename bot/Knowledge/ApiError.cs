namespace PartyAffairs.Bot.Knowledge;

/// <summary>The body of a 400 answer: <c>{"error": "…"}</c>.</summary>
/// <param name="Error">What was wrong with the request, in Chinese.</param>
internal sealed record ApiError(string Error);
