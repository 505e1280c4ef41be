namespace PartyAffairs.Channels.WeCom;

/// <summary>The WeCom app callback routes.</summary>
public static class WeComEndpoints
{
    /// <summary>The callback URL path to register as the app's message receiving URL.</summary>
    public const string CallbackPath = "/api/wecom/messages";

    /// <summary>Maps <c>GET</c> (URL verification) and <c>POST</c> (messages) on <c>/api/wecom/messages</c>.</summary>
    internal static IEndpointRouteBuilder MapWeComApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CallbackPath, (HttpRequest request, WeComCallbackHandler handler) => handler.Verify(request));
        endpoints.MapPost(CallbackPath, (HttpRequest request, WeComCallbackHandler handler, CancellationToken cancellationToken) =>
            handler.ReceiveAsync(request, cancellationToken));
        return endpoints;
    }
}
