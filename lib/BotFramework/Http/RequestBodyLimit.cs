namespace PartyAffairs.BotFramework.Http;

/// <summary>An endpoint's largest accepted request body, enforced by <see cref="RequestBodyLimits"/> whatever the framing.</summary>
public sealed record RequestBodyLimit(long MaxBytes);
