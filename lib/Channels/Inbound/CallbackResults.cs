namespace PartyAffairs.Channels.Inbound;

/// <summary>The answers platform callbacks get: an empty 200, or a status with <c>{"error": "…"}</c>.</summary>
public static class CallbackResults
{
    /// <summary>Accepted (or a repeat of something accepted).</summary>
    public static IResult Accepted() => Results.Ok();

    /// <summary>A refusal the platform (or a prober) can read.</summary>
    public static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    /// <summary>The platform is not configured on this host.</summary>
    public static IResult NotConfigured(string platform) => Error(StatusCodes.Status404NotFound, $"{platform} is not configured on this server.");
}
