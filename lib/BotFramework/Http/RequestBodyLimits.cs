using Microsoft.AspNetCore.Http.Features;

namespace PartyAffairs.BotFramework.Http;

/// <summary>
/// Size caps on every request body, chunked and unknown-length ones included: the endpoint's
/// <see cref="RequestBodyLimit"/> or <see cref="DefaultMaxBytes"/>. The limit is
/// set on the server (Kestrel's <see cref="IHttpMaxRequestBodySizeFeature"/>) and on a reading limit over
/// <see cref="HttpRequest.Body"/>; a body over it is answered 413 with a JSON error (the endpoint's own answer when it
/// handles <see cref="RequestBodyTooLargeException"/>, else <c>{"error":{"code":"PayloadTooLarge",…}}</c>), and nothing
/// beyond the limit is ever buffered.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>The cap of endpoints that name none (256 KB).</summary>
    public const long DefaultMaxBytes = 256 * 1024;

    private const string Marker = "PartyAffairs.RequestBodyLimits";

    /// <summary>Adds the caps to the pipeline (after routing, so the endpoint's limit is known); calling it again does nothing.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Properties.ContainsKey(Marker))
        {
            return app;
        }

        app.Properties[Marker] = true;
        return app.Use(InvokeAsync);
    }

    /// <summary>Caps the endpoint's request body at <paramref name="maxBytes"/>.</summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long maxBytes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        return builder.WithMetadata(new RequestBodyLimit(maxBytes));
    }

    /// <summary>The 413 answer in the Bot Framework error shape.</summary>
    public static IResult TooLarge(long maxBytes) =>
        ActivityRequestReader.Error(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The request body is larger than {maxBytes} bytes.");

    private static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        var limit = context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>()?.MaxBytes ?? DefaultMaxBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit;
        }

        var original = context.Request.Body;
        context.Request.Body = new LimitedRequestStream(original, limit, context.Request.ContentLength);
        try
        {
            await next(context);
        }
        catch (Exception e) when (RequestBodyTooLargeException.IsTooLarge(e) && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.Headers.Connection = "close";
            await TooLarge(limit).ExecuteAsync(context);
        }
        finally
        {
            context.Request.Body = original;
        }
    }
}
