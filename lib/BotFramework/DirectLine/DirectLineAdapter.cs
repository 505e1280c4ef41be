using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Http;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>
/// The Direct Line side of the host, in the channel role: records what users post (their echo), runs them in-process
/// through the middleware and the bot (failures go to <see cref="BotAdapter.OnTurnError"/>), and appends the bot's
/// replies and proactive messages to the conversation's transcript, from which GET and the WebSocket stream deliver them.
/// </summary>
public sealed class DirectLineAdapter : BotAdapter
{
    /// <summary>The <c>channelId</c> of Direct Line activities.</summary>
    public const string ChannelId = "directline";

    private readonly IDirectLineStore _store;
    private readonly ConversationSignals _signals;
    private readonly ActivityClock _clock;
    private readonly DirectLineOptions _options;

    internal DirectLineAdapter(IDirectLineStore store, ConversationSignals signals, ActivityClock clock, IOptions<DirectLineOptions> options)
    {
        _store = store;
        _signals = signals;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>The bot's account in Direct Line conversations.</summary>
    public ChannelAccount BotAccount => new() { Id = _options.BotId, Name = _options.BotName, Role = "bot" };

    /// <inheritdoc />
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            responses[i] = await AppendFromBotAsync(activities[i], cancellationToken);
        }

        return responses;
    }

    /// <summary>
    /// Runs an activity that was already recorded (or a conversationUpdate, which never is) through the middleware and the
    /// bot; the bot has <paramref name="timeout"/>, after which the turn fails like any other. False when the turn failed
    /// and <see cref="BotAdapter.OnTurnError"/> answered it.
    /// </summary>
    internal Task<bool> RunTurnAsync(Activity activity, IBot bot, TimeSpan timeout, CancellationToken cancellationToken, string? clientAddress = null)
    {
        var context = new TurnContext(this, activity);
        if (clientAddress is not null)
        {
            TurnClientAddress.Set(context, clientAddress);
        }

        return RunPipelineAsync(context, async (turn, ct) =>
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(timeout);
            try
            {
                await bot.OnTurnAsync(turn, limit.Token);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new TimeoutException($"The bot did not finish the turn within {timeout.TotalSeconds:0} s.");
            }
        }, cancellationToken);
    }

    /// <summary>Stamps and records an activity a user posted; returns it as stored (with id and timestamp), the echo.</summary>
    internal async Task<Activity> RecordFromUserAsync(string conversationId, Activity activity, ChannelAccount user, string serviceUrl, CancellationToken cancellationToken)
    {
        activity.Id = null;
        activity.Timestamp = _clock.Next();
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = serviceUrl;
        activity.Conversation = new ConversationAccount { Id = conversationId };
        activity.From = user;
        activity.Recipient = BotAccount;
        await AppendAsync(conversationId, activity, cancellationToken);
        return activity;
    }

    /// <summary>Stamps and records an activity from the bot (a reply or a proactive message); the id is returned.</summary>
    public async Task<ResourceResponse> AppendFromBotAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type is ActivityTypes.Trace or ActivityTypes.InvokeResponse || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return new ResourceResponse(null);
        }

        activity.Type ??= ActivityTypes.Message;
        activity.Id = null;
        activity.Timestamp = _clock.Next();
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = null;
        activity.Conversation = new ConversationAccount { Id = conversationId };
        activity.From ??= BotAccount;
        activity.From.Role = "bot";
        // Web Chat waits up to 5 s for a replyToId it never received; only ids of this transcript are kept.
        if (ActivityIds.SequenceOf(conversationId, activity.ReplyToId) is null)
        {
            activity.ReplyToId = null;
        }

        await AppendAsync(conversationId, activity, cancellationToken);
        return new ResourceResponse(activity.Id);
    }

    private async Task AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        await _store.AppendAsync(conversationId, activity, cancellationToken);
        _signals.Notify(conversationId);
    }
}
