using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.DirectLine;
using PartyAffairs.BotFramework.Http;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.Connector;

/// <summary>
/// The connector endpoint's adapter (like the SDK's CloudAdapter): authenticates and parses an inbound activity, runs it
/// through the middleware and the bot, and sends the replies to the activity's <c>serviceUrl</c>. A failed turn goes to
/// <see cref="BotAdapter.OnTurnError"/>; when that fails too (the apology could not be sent) the answer is 502. Status
/// codes follow protocols.md §2.1.
/// </summary>
public sealed class BotFrameworkHttpAdapter : BotAdapter
{
    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.Typing, ActivityTypes.Event, ActivityTypes.Invoke,
        ActivityTypes.EndOfConversation, ActivityTypes.Trace, ActivityTypes.MessageReaction, ActivityTypes.InstallationUpdate,
        ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete,
    };

    /// <summary>Channels with their own authenticated endpoints (Direct Line, the platforms' callbacks): never accepted here.</summary>
    private static readonly HashSet<string> OwnEndpointChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "directline", "webchat", "dingtalk", "wecom",
    };

    private readonly ConditionalWeakTable<ITurnContext, TurnState> _turns = [];
    private readonly ConnectorClient _connector;
    private readonly ChannelTokenValidator _validator;
    private readonly ServiceUrlPolicy _serviceUrls;
    private readonly MemberRateLimiter _rateLimiter;
    private readonly BotFrameworkOptions _options;
    private readonly ProtocolTexts _texts;
    private readonly ILogger<BotFrameworkHttpAdapter> _logger;

    internal BotFrameworkHttpAdapter(
        ConnectorClient connector, ChannelTokenValidator validator, ServiceUrlPolicy serviceUrls, MemberRateLimiter rateLimiter,
        IOptions<BotFrameworkOptions> options, IOptions<ProtocolTexts> texts, ILogger<BotFrameworkHttpAdapter> logger)
    {
        _connector = connector;
        _validator = validator;
        _serviceUrls = serviceUrls;
        _rateLimiter = rateLimiter;
        _options = options.Value;
        _texts = texts.Value;
        _logger = logger;
    }

    /// <summary>Handles one <c>POST /api/messages</c> request and returns the response to send.</summary>
    public async Task<IResult> ProcessAsync(HttpRequest request, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(bot);

        var authorization = request.Headers.Authorization.ToString();
        if (_options.IsAuthenticationEnabled && string.IsNullOrWhiteSpace(authorization))
        {
            return Reject(StatusCodes.Status401Unauthorized, "Unauthorized", "No Authorization header.");
        }

        if (!_options.IsAuthenticationEnabled)
        {
            // Without an app id nothing proves who is calling: only the Emulator on this machine, and only when opted in.
            if (!_options.AllowUnauthenticated)
            {
                return Reject(StatusCodes.Status401Unauthorized, "Unauthorized",
                    "Authentication is not configured (BotFramework:MicrosoftAppId); BotFramework:AllowUnauthenticated=true allows the Emulator on loopback.");
            }

            if (!ClientAddress.IsLocal(request.HttpContext))
            {
                return Reject(StatusCodes.Status403Forbidden, "Forbidden", "Unauthenticated activities are accepted from loopback only.");
            }
        }

        var read = await ActivityRequestReader.ReadAsync(request, cancellationToken);
        if (read.Activity is not { } activity)
        {
            return read.Error!;
        }

        if (activity.ChannelId is { } channelId && OwnEndpointChannels.Contains(channelId.Trim()))
        {
            // These channels have their own authenticated endpoints; here their ids would let anyone act as a member.
            return Reject(StatusCodes.Status403Forbidden, "ChannelNotServed", $"Channel '{channelId}' is not served on this endpoint.");
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return Reject(StatusCodes.Status400BadRequest, "BadArgument", "The activity needs serviceUrl and conversation.id.");
        }

        if (!_serviceUrls.IsAllowed(activity.ServiceUrl))
        {
            return Reject(StatusCodes.Status403Forbidden, "Forbidden", "The activity's serviceUrl is not an allowed host.");
        }

        var auth = await _validator.ValidateAsync(authorization, activity, cancellationToken);
        if (!auth.IsAccepted)
        {
            return Reject(auth.Status, auth.Status == StatusCodes.Status403Forbidden ? "Forbidden" : "Unauthorized", auth.Reason ?? "Authentication failed.");
        }

        if (!KnownTypes.Contains(activity.Type!))
        {
            // A bot ignores activity types it does not know (spec A2014).
            return Results.Ok();
        }

        var turn = new TurnContext(this, activity);
        if (activity.Type == ActivityTypes.Message && activity.From?.Id is { Length: > 0 } memberId
            && !_rateLimiter.TryAcquire($"{activity.ChannelId}|{memberId}", out _))
        {
            // Connector channels have no 429 for the user to see: answer politely and leave the message unprocessed.
            return await ReplyAsync(turn, _texts.TooManyMessages, cancellationToken);
        }

        var state = new TurnState(activity.DeliveryMode == "expectReplies");
        _turns.Add(turn, state);
        bool completed;
        try
        {
            // A failed turn goes to OnTurnError (the host's: log, one apology, clean up); only its own failure lands here.
            completed = await RunPipelineAsync(turn, bot.OnTurnAsync, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (e is ConnectorException connector)
            {
                ProtocolLog.ReplyFailed(_logger, activity.ChannelId, connector.IsTransient, connector.Message);
            }
            else
            {
                ProtocolLog.TurnFailed(_logger, e, activity.Type, activity.ChannelId);
            }

            return ActivityRequestReader.Error(StatusCodes.Status502BadGateway, "BotError", "The bot could not process the activity.");
        }

        if (!completed)
        {
            // The error handler answered the user; the channel gets what was sent (or 200).
            return state.ExpectReplies ? Results.Json(new { activities = state.Replies }, BotJson.Options) : Results.Ok();
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            return state.InvokeResponse is { } invoke
                ? Results.Json(invoke.Body, BotJson.Options, statusCode: invoke.Status)
                : Results.StatusCode(StatusCodes.Status501NotImplemented);
        }

        return state.ExpectReplies
            ? Results.Json(new { activities = state.Replies }, BotJson.Options)
            : Results.Ok();
    }

    /// <inheritdoc />
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        _turns.TryGetValue(turnContext, out var state);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (activity.Type == ActivityTypes.InvokeResponse)
            {
                if (state is not null && activity.Value is { } value)
                {
                    state.InvokeResponse = value.Deserialize<InvokeResponse>(BotJson.Options);
                }

                responses[i] = new ResourceResponse(null);
            }
            else if (activity.Type == ActivityTypes.Trace && activity.ChannelId != "emulator")
            {
                // Trace activities are for the Emulator only.
                responses[i] = new ResourceResponse(null);
            }
            else if (state is { ExpectReplies: true })
            {
                state.Replies.Add(activity);
                responses[i] = new ResourceResponse(null);
            }
            else
            {
                responses[i] = await _connector.SendAsync(activity, cancellationToken);
            }
        }

        return responses;
    }

    /// <summary>Sends a notice instead of the bot's answer (rate limit); 200 when it went out, 502 when it failed.</summary>
    private async Task<IResult> ReplyAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        try
        {
            await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" }, cancellationToken);
            return Results.Ok();
        }
        catch (ConnectorException e)
        {
            ProtocolLog.ReplyFailed(_logger, turn.Activity.ChannelId, e.IsTransient, e.Message);
            return ActivityRequestReader.Error(StatusCodes.Status502BadGateway, "BotError", "The bot could not process the activity.");
        }
    }

    private IResult Reject(int status, string code, string reason)
    {
        ProtocolLog.InboundRejected(_logger, status, reason);
        return ActivityRequestReader.Error(status, code, reason);
    }

    private sealed class TurnState(bool expectReplies)
    {
        public bool ExpectReplies { get; } = expectReplies;

        public List<Activity> Replies { get; } = [];

        public InvokeResponse? InvokeResponse { get; set; }
    }
}
