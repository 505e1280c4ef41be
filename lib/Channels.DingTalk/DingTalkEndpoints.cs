namespace PartyAffairs.Channels.DingTalk;

/// <summary>The DingTalk robot callback route.</summary>
public static class DingTalkEndpoints
{
    /// <summary>The callback URL path to register as the robot's message receiving address.</summary>
    public const string CallbackPath = "/api/dingtalk/messages";

    /// <summary>Maps <c>POST /api/dingtalk/messages</c>.</summary>
    internal static IEndpointRouteBuilder MapDingTalkApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(CallbackPath, (HttpRequest request, DingTalkCallbackHandler handler, CancellationToken cancellationToken) =>
            handler.HandleAsync(request, cancellationToken));
        return endpoints;
    }
}
