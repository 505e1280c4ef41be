namespace PartyAffairs.BotFramework.Http;

/// <summary>At most <paramref name="Limit"/> attempts under <paramref name="Key"/> per fixed window of <paramref name="Window"/>.</summary>
public sealed record AttemptRule(string Key, int Limit, TimeSpan Window);
