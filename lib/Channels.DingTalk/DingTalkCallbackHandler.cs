using System.Text.Json;
using Microsoft.Extensions.Options;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Channels.Inbound;

namespace PartyAffairs.Channels.DingTalk;

/// <summary>
/// The robot callback endpoint: checks the signature before anything else, bounds and parses the body, then stores the
/// message in the Redis inbox (repeats within 10 minutes are dropped there) and acknowledges; the turn runs from the
/// inbox, on whichever instance takes it (<see cref="RunAsync"/>).
/// </summary>
internal sealed class DingTalkCallbackHandler(
    IOptions<DingTalkOptions> options,
    DingTalkAdapter adapter,
    ChannelInbox inbox,
    TimeProvider time,
    ILogger<DingTalkCallbackHandler> logger) : IInboundTurnProcessor
{
    private const string Channel = DingTalkChannelSender.Id;

    /// <inheritdoc />
    public string ChannelId => Channel;

    /// <summary>Handles one callback request.</summary>
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (!settings.IsEnabled)
        {
            return CallbackResults.NotConfigured("DingTalk");
        }

        if (!DingTalkSignature.Verify(request.Headers["timestamp"], request.Headers["sign"], settings.AppSecret!, time.GetUtcNow()))
        {
            DingTalkLog.Rejected(logger, Channel, "signature or timestamp");
            return CallbackResults.Error(StatusCodes.Status401Unauthorized, "Invalid or expired signature.");
        }

        var body = await BoundedBody.ReadAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return CallbackResults.Error(StatusCodes.Status413PayloadTooLarge, $"Body larger than {settings.MaxBodyBytes} bytes.");
        }

        DingTalkCallback? callback;
        try
        {
            callback = JsonSerializer.Deserialize<DingTalkCallback>(body, PlatformJson.Options);
        }
        catch (JsonException)
        {
            return CallbackResults.Error(StatusCodes.Status400BadRequest, "Body is not a DingTalk robot message (malformed JSON).");
        }

        var missing = Missing(callback);
        if (missing.Count > 0)
        {
            return CallbackResults.Error(StatusCodes.Status400BadRequest, $"Missing fields: {string.Join(", ", missing)}.");
        }

        var message = callback!;
        var turn = new InboundTurn
        {
            ChannelId = Channel,
            MessageId = message.MsgId!,
            SenderId = message.SenderStaffId ?? message.SenderId!,
            TextOnly = message.MsgType != "text",
            Payload = JsonSerializer.SerializeToElement(message, PlatformJson.Options),
            AcceptedAt = time.GetUtcNow(),
        };
        return await InboxAnswers.AcceptAsync(inbox, turn, logger, cancellationToken);
    }

    /// <inheritdoc />
    public Task RunAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var message = turn.Payload.Deserialize<DingTalkCallback>(PlatformJson.Options)
            ?? throw new InvalidOperationException("An inbox item without a DingTalk message.");
        return turn.TextOnly ? adapter.ReplyTextOnlyAsync(message, cancellationToken) : adapter.ProcessAsync(message, cancellationToken);
    }

    private static List<string> Missing(DingTalkCallback? callback)
    {
        if (callback is null)
        {
            return ["body"];
        }

        var missing = new List<string>();
        if (string.IsNullOrEmpty(callback.MsgType)) missing.Add("msgtype");
        if (string.IsNullOrEmpty(callback.MsgId)) missing.Add("msgId");
        if (string.IsNullOrEmpty(callback.ConversationId)) missing.Add("conversationId");
        if (string.IsNullOrEmpty(callback.SenderStaffId) && string.IsNullOrEmpty(callback.SenderId)) missing.Add("senderStaffId");
        if (callback.MsgType == "text" && callback.Text?.Content is null) missing.Add("text.content");
        return missing;
    }
}
