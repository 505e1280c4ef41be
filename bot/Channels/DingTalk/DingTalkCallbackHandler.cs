using System.Text.Json;
using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Channels.Delivery;
using PartyAffairs.Bot.Channels.Inbound;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Channels.DingTalk;

/// <summary>
/// The robot callback endpoint: checks the signature before anything else, bounds and parses the body, drops repeats
/// (message id, 10 minutes), then acknowledges at once and runs the turn from the queue.
/// </summary>
public sealed class DingTalkCallbackHandler(
    IOptions<DingTalkOptions> options,
    DingTalkAdapter adapter,
    InboundDeduplicator deduplicator,
    ChannelInbox queue,
    TimeProvider time,
    ILogger<DingTalkCallbackHandler> logger)
{
    private const string Channel = DingTalkChannelSender.Id;

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
            ChannelLog.Rejected(logger, Channel, "signature or timestamp");
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
        try
        {
            if (!await deduplicator.TryClaimAsync(Channel, message.MsgId!, cancellationToken))
            {
                ChannelLog.Duplicate(logger, Channel, message.MsgId!);
                return CallbackResults.Accepted();
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            ChannelLog.StoreUnavailable(logger, Channel, e.GetType().Name);
            return CallbackResults.Error(StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable; retry later.");
        }

        Func<CancellationToken, Task> work = message.MsgType == "text"
            ? ct => adapter.ProcessAsync(message, ct)
            : ct => adapter.ReplyTextOnlyAsync(message, ct);
        if (!queue.TryEnqueue(Channel + ":" + (message.SenderStaffId ?? message.SenderId), work))
        {
            ChannelLog.QueueFull(logger, Channel);
            await deduplicator.ReleaseAsync(Channel, message.MsgId!);
            return CallbackResults.Error(StatusCodes.Status503ServiceUnavailable, "Busy; retry later.");
        }

        return CallbackResults.Accepted();
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
