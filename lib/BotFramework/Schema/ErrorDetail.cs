namespace PartyAffairs.BotFramework.Schema;

/// <summary>The <c>error</c> object of an <see cref="ErrorResponse"/>; <see cref="Code"/> is stable, <see cref="Message"/> is not.</summary>
public sealed record ErrorDetail(string Code, string Message);
