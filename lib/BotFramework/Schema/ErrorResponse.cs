namespace PartyAffairs.BotFramework.Schema;

/// <summary>The error body of the Bot Framework REST APIs: <c>{ "error": { "code", "message" } }</c>.</summary>
public sealed record ErrorResponse(ErrorDetail Error)
{
    /// <summary>Creates an error body with a stable code and a human-readable message.</summary>
    public static ErrorResponse Create(string code, string message) => new(new ErrorDetail(code, message));
}
