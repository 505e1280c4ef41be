using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Http;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>Direct Line 3.0 under <c>/v3/directline</c> (protocols.md §3): tokens, conversations, activities, the stream.</summary>
internal static class DirectLineApi
{
    /// <summary>The longest message text accepted; longer posts get 400.</summary>
    public const int MaxTextLength = 2000;

    private static readonly HashSet<string> ClientTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.Typing, ActivityTypes.Event, ActivityTypes.EndOfConversation,
    };

    private static readonly HashSet<string> ChannelOnlyTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.ConversationUpdate, ActivityTypes.Invoke, ActivityTypes.InstallationUpdate, ActivityTypes.Trace,
        ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete, ActivityTypes.InvokeResponse,
    };

    /// <summary>The CORS policy of the Direct Line endpoints (registered by the area's hosting).</summary>
    public const string CorsPolicy = "DirectLine";

    /// <summary>Maps the Direct Line endpoints.</summary>
    public static IEndpointRouteBuilder MapDirectLineApi(this IEndpointRouteBuilder endpoints)
    {
        // Tokens travel in headers, never cookies, so any origin may call (DirectLineJS served from another host).
        var group = endpoints.MapGroup("/v3/directline").RequireCors(CorsPolicy).WithRequestBodyLimit(ActivityRequestReader.MaxBodyBytes);
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        return endpoints;
    }

    private static async Task<IResult> GenerateTokenAsync(HttpRequest request, DirectLineTokenService tokens, CancellationToken cancellationToken)
    {
        var credential = await tokens.AuthenticateHeaderAsync(request.Headers.Authorization);
        if (Refuse(credential) is { } refused)
        {
            return refused;
        }

        if (credential.Kind != DirectLineCredentialKind.Secret)
        {
            return Error(StatusCodes.Status403Forbidden, "Forbidden", "Only the secret can generate tokens.");
        }

        var (parameters, error) = await ReadParametersAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var conversationId = DirectLineTokenService.NewConversationId();
        var userId = UserIdFrom(parameters);
        return Results.Json(new DirectLineConversationResponse(conversationId, tokens.Issue(conversationId, userId), tokens.LifetimeSeconds), BotJson.Options);
    }

    private static async Task<IResult> RefreshTokenAsync(HttpRequest request, DirectLineTokenService tokens)
    {
        var credential = await tokens.AuthenticateHeaderAsync(request.Headers.Authorization);
        if (Refuse(credential) is { } refused)
        {
            return refused;
        }

        if (credential.Kind != DirectLineCredentialKind.Token)
        {
            return Error(StatusCodes.Status403Forbidden, "Forbidden", "Only a token can be refreshed.");
        }

        var conversationId = credential.ConversationId!;
        return Results.Json(new DirectLineConversationResponse(conversationId, tokens.Issue(conversationId, credential.UserId!), tokens.LifetimeSeconds), BotJson.Options);
    }

    private static async Task<IResult> StartConversationAsync(
        HttpRequest request, DirectLineTokenService tokens, IDirectLineStore store, DirectLineAdapter adapter, IServiceProvider services,
        IOptions<DirectLineOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var credential = await tokens.AuthenticateHeaderAsync(request.Headers.Authorization);
        if (Refuse(credential) is { } refused)
        {
            return refused;
        }

        var (parameters, error) = await ReadParametersAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (conversationId, userId) = credential.Kind == DirectLineCredentialKind.Token
            ? (credential.ConversationId!, credential.UserId!)
            : (DirectLineTokenService.NewConversationId(), UserIdFrom(parameters));

        try
        {
            var created = await store.TryCreateConversationAsync(new DirectLineConversation(conversationId, userId, time.GetUtcNow()), cancellationToken);
            if (created)
            {
                await GreetAsync(adapter, services, options.Value, loggers, conversationId, userId, parameters, BaseUrl(request, options.Value), cancellationToken);
            }

            var token = tokens.Issue(conversationId, userId);
            var body = new DirectLineConversationResponse(conversationId, token, tokens.LifetimeSeconds, StreamUrl(request, options.Value, conversationId, "-", token));
            return Results.Json(body, BotJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }
        catch (DirectLineStoreUnavailableException)
        {
            return StoreUnavailable();
        }
    }

    private static async Task<IResult> ReconnectAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineTokenService tokens, IDirectLineStore store,
        IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (conversation, denied) = await AuthorizeAndLoadAsync(request, tokens, store, conversationId, cancellationToken);
        if (conversation is null)
        {
            return denied!;
        }

        try
        {
            // Without a watermark the stream carries only what happens from now on (as the service does).
            var from = string.IsNullOrEmpty(watermark)
                ? ActivityIds.FormatWatermark(await store.LastSequenceAsync(conversationId, cancellationToken))
                : ActivityIds.FormatWatermark(ActivityIds.ParseWatermark(watermark));
            var token = tokens.Issue(conversationId, conversation.UserId);
            return Results.Json(new DirectLineConversationResponse(conversationId, token, tokens.LifetimeSeconds, StreamUrl(request, options.Value, conversationId, from, token)), BotJson.Options);
        }
        catch (DirectLineStoreUnavailableException)
        {
            return StoreUnavailable();
        }
    }

    private static async Task<IResult> PostActivityAsync(
        string conversationId, HttpRequest request, DirectLineTokenService tokens, IDirectLineStore store, DirectLineAdapter adapter,
        MemberRateLimiter rateLimiter, IServiceProvider services, IOptions<DirectLineOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var credential = await tokens.AuthenticateHeaderAsync(request.Headers.Authorization);
        if (Refuse(credential, conversationId) is { } refused)
        {
            return refused;
        }

        var read = await ActivityRequestReader.ReadAsync(request, cancellationToken);
        if (read.Activity is not { } activity)
        {
            return read.Error!;
        }

        if (!ClientTypes.Contains(activity.Type!))
        {
            return ChannelOnlyTypes.Contains(activity.Type!)
                ? Error(StatusCodes.Status400BadRequest, "UnsupportedActivityType", $"Clients may not send '{activity.Type}' activities.")
                : Error(StatusCodes.Status400BadRequest, "UnknownActivityType", "Unknown activity type.");
        }

        if (activity.Text is { Length: > MaxTextLength })
        {
            return Error(StatusCodes.Status400BadRequest, "TextTooLong", $"Message text is limited to {MaxTextLength} characters.");
        }

        var (conversation, missing) = await LoadAsync(store, conversationId, cancellationToken);
        if (conversation is null)
        {
            return missing!;
        }

        try
        {
            // The token's user is the sender, whatever the body says; with the secret the body names the sender.
            var userId = credential.Kind == DirectLineCredentialKind.Token ? conversation.UserId : activity.From?.Id;
            if (string.IsNullOrEmpty(userId))
            {
                return Error(StatusCodes.Status400BadRequest, "MissingFrom", "The activity has no from.id.");
            }

            if (activity.Type == ActivityTypes.Message && !rateLimiter.TryAcquire(userId, out var retryAfter))
            {
                request.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many messages; try again shortly.");
            }

            var user = new ChannelAccount { Id = userId, Name = activity.From?.Name, Role = "user" };
            var echo = await adapter.RecordFromUserAsync(conversationId, activity, user, BaseUrl(request, options.Value), cancellationToken);
            var id = echo.Id!;
            var logger = loggers.CreateLogger(typeof(DirectLineApi));
            if (!await RunBotAsync(adapter, services, options.Value, logger, echo, cancellationToken, ClientAddress.Of(request.HttpContext)))
            {
                return Error(StatusCodes.Status502BadGateway, "BotError", "The bot could not process the activity.");
            }

            return Results.Json(new ResourceResponse(id), BotJson.Options);
        }
        catch (DirectLineStoreUnavailableException)
        {
            return StoreUnavailable();
        }
    }

    private static async Task<IResult> GetActivitiesAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineTokenService tokens, IDirectLineStore store,
        IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (conversation, denied) = await AuthorizeAndLoadAsync(request, tokens, store, conversationId, cancellationToken);
        if (conversation is null)
        {
            return denied!;
        }

        try
        {
            var after = ActivityIds.ParseWatermark(watermark);
            var page = await store.ReadAsync(conversationId, after, options.Value.PageSize, cancellationToken);
            return Results.Json(new ActivitySet(page.Activities, ActivityIds.FormatWatermark(page.LastSequence)), BotJson.Options);
        }
        catch (DirectLineStoreUnavailableException)
        {
            return StoreUnavailable();
        }
    }

    private static async Task<IResult> StreamAsync(
        string conversationId, string? watermark, string? t, HttpContext context, DirectLineTokenService tokens, IDirectLineStore store,
        DirectLineStream stream)
    {
        // The stream URL carries its token in "t" (browsers cannot set headers on a WebSocket); a header also works.
        var credential = string.IsNullOrEmpty(t)
            ? await tokens.AuthenticateHeaderAsync(context.Request.Headers.Authorization)
            : await tokens.AuthenticateAsync(t);
        if (Refuse(credential, conversationId) is { } refused)
        {
            return refused;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Error(StatusCodes.Status400BadRequest, "WebSocketRequired", "The stream is a WebSocket.");
        }

        var (conversation, missing) = await LoadAsync(store, conversationId, context.RequestAborted);
        if (conversation is null)
        {
            return missing!;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await stream.RunAsync(socket, conversationId, ActivityIds.ParseWatermark(watermark), context.RequestAborted);
        return Results.Empty;
    }

    private static async Task GreetAsync(
        DirectLineAdapter adapter, IServiceProvider services, DirectLineOptions options, ILoggerFactory loggers,
        string conversationId, string userId, ConversationStartParameters? parameters, string serviceUrl, CancellationToken cancellationToken)
    {
        var user = new ChannelAccount { Id = userId, Name = parameters?.User?.Name, Role = "user" };
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = DirectLineAdapter.ChannelId,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount { Id = conversationId },
            From = user,
            Recipient = adapter.BotAccount,
            MembersAdded = [adapter.BotAccount, new ChannelAccount { Id = userId, Name = user.Name }],
            Locale = parameters?.Locale,
        };
        // A failed greeting does not fail the start: the conversation exists and the user can talk.
        await RunBotAsync(adapter, services, options, loggers.CreateLogger(typeof(DirectLineApi)), update, cancellationToken);
    }

    /// <summary>
    /// Runs the bot on one activity within the configured time; false when the turn failed (the adapter's error handler
    /// recorded the apology) or even the handler failed. A store outage propagates (503).
    /// </summary>
    private static async Task<bool> RunBotAsync(
        DirectLineAdapter adapter, IServiceProvider services, DirectLineOptions options, ILogger logger, Activity activity, CancellationToken cancellationToken,
        string? clientAddress = null)
    {
        var bot = services.GetService<IBot>() ?? services.GetRequiredService<UnconfiguredBot>();
        try
        {
            return await adapter.RunTurnAsync(activity, bot, TimeSpan.FromSeconds(options.BotTimeoutSeconds), cancellationToken, clientAddress);
        }
        catch (Exception e) when (e is not DirectLineStoreUnavailableException && !cancellationToken.IsCancellationRequested)
        {
            ProtocolLog.TurnFailed(logger, e, activity.Type, activity.ChannelId);
            return false;
        }
    }

    private static async Task<(ConversationStartParameters? Parameters, IResult? Error)> ReadParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
        {
            return (null, null);
        }

        if (request.ContentLength is > ActivityRequestReader.MaxBodyBytes)
        {
            return (null, Error(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", "The body is larger than 64 KB."));
        }

        if (!ActivityRequestReader.IsJson(request.ContentType))
        {
            return (null, Error(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "The body must be application/json."));
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync<ConversationStartParameters>(request.Body, BotJson.Options, cancellationToken), null);
        }
        catch (JsonException)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not valid JSON."));
        }
    }

    private static string UserIdFrom(ConversationStartParameters? parameters) =>
        parameters?.User?.Id is { Length: > 0 and <= 128 } id ? id : DirectLineTokenService.NewUserId();

    private static IResult? Refuse(DirectLineCredential credential, string? conversationId = null) => credential.Kind switch
    {
        DirectLineCredentialKind.Missing => Error(StatusCodes.Status401Unauthorized, "Unauthorized", "Send the secret or a token as Authorization: Bearer …"),
        DirectLineCredentialKind.Invalid => Error(StatusCodes.Status403Forbidden, "Forbidden", "The secret or token is not valid."),
        DirectLineCredentialKind.Expired => Error(StatusCodes.Status403Forbidden, "TokenExpired", "Token expired."),
        _ when conversationId is not null && !credential.Reaches(conversationId) =>
            Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is for another conversation."),
        _ => null,
    };

    /// <summary>Authenticates the request's header for <paramref name="conversationId"/> and loads that conversation; on failure, the answer to give.</summary>
    private static async Task<(DirectLineConversation? Conversation, IResult? Error)> AuthorizeAndLoadAsync(
        HttpRequest request, DirectLineTokenService tokens, IDirectLineStore store, string conversationId, CancellationToken cancellationToken)
    {
        var credential = await tokens.AuthenticateHeaderAsync(request.Headers.Authorization);
        return Refuse(credential, conversationId) is { } refused
            ? (null, refused)
            : await LoadAsync(store, conversationId, cancellationToken);
    }

    /// <summary>The conversation a request names, or the answer to give when it is unknown (404) or the store is down (503).</summary>
    private static async Task<(DirectLineConversation? Conversation, IResult? Error)> LoadAsync(IDirectLineStore store, string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetConversationAsync(conversationId, cancellationToken) is { } conversation
                ? (conversation, null)
                : (null, Error(StatusCodes.Status404NotFound, "NotFound", "Unknown conversation."));
        }
        catch (DirectLineStoreUnavailableException)
        {
            return (null, StoreUnavailable());
        }
    }

    private static IResult StoreUnavailable() =>
        Error(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "The conversation store is unavailable; try again shortly.");

    private static IResult Error(int status, string code, string message) => ActivityRequestReader.Error(status, code, message);

    private static string BaseUrl(HttpRequest request, DirectLineOptions options) =>
        (options.PublicBaseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}").TrimEnd('/') + "/";

    private static string StreamUrl(HttpRequest request, DirectLineOptions options, string conversationId, string watermark, string token)
    {
        var baseUrl = BaseUrl(request, options);
        var socketBase = baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + baseUrl[8..]
            : baseUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + baseUrl[7..]
            : baseUrl;
        return $"{socketBase}v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?watermark={Uri.EscapeDataString(watermark)}&t={Uri.EscapeDataString(token)}";
    }
}
