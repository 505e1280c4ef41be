using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PartyAffairs.Channels.Inbound;

namespace PartyAffairs.Channels.WeCom;

/// <summary>
/// The app callback endpoint: URL verification (GET) and encrypted messages (POST). Every request is checked
/// (timestamp, SHA-1 signature, decryption, receive id, agent) before anything else happens; a message is then
/// stored in the Redis inbox (repeats within 10 minutes are dropped there) and acknowledged at once (WeCom retries after
/// 5 s); the turn runs from the inbox (<see cref="RunAsync"/>) and is answered through the app API.
/// </summary>
internal sealed class WeComCallbackHandler(
    IOptions<WeComOptions> options,
    WeComAdapter adapter,
    ChannelInbox inbox,
    TimeProvider time,
    ILogger<WeComCallbackHandler> logger) : IInboundTurnProcessor
{
    private const string Channel = WeComChannelSender.Id;

    /// <inheritdoc />
    public string ChannelId => Channel;
    private readonly Lazy<WeComCrypto?> _crypto = new(() => options.Value.IsEnabled
        ? new WeComCrypto(options.Value.Token!, options.Value.EncodingAesKey!, options.Value.CorpId!)
        : null);

    /// <summary>Answers the console's URL verification with the decrypted echostr, exactly.</summary>
    public IResult Verify(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_crypto.Value is not { } crypto)
        {
            return CallbackResults.NotConfigured("WeCom");
        }

        var query = request.Query;
        string? signature = query["msg_signature"], timestamp = query["timestamp"], nonce = query["nonce"], echo = query["echostr"];
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(echo))
        {
            return CallbackResults.Error(StatusCodes.Status400BadRequest, "msg_signature, timestamp, nonce and echostr are required.");
        }

        if (Authenticate(crypto, signature, timestamp, nonce, echo) is { } refused)
        {
            return refused;
        }

        return crypto.TryDecrypt(echo, out var plain) switch
        {
            WeComDecryptStatus.Ok => Results.Text(plain, "text/plain; charset=utf-8"),
            WeComDecryptStatus.WrongReceiver => Reject("receive id", StatusCodes.Status401Unauthorized, "Not addressed to this corp."),
            _ => CallbackResults.Error(StatusCodes.Status400BadRequest, "echostr does not decrypt."),
        };
    }

    /// <summary>Handles one encrypted message callback.</summary>
    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_crypto.Value is not { } crypto)
        {
            return CallbackResults.NotConfigured("WeCom");
        }

        var query = request.Query;
        string? signature = query["msg_signature"], timestamp = query["timestamp"], nonce = query["nonce"];
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce))
        {
            return CallbackResults.Error(StatusCodes.Status400BadRequest, "msg_signature, timestamp and nonce are required.");
        }

        var body = await BoundedBody.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return CallbackResults.Error(StatusCodes.Status413PayloadTooLarge, $"Body larger than {options.Value.MaxBodyBytes} bytes.");
        }

        using var stream = new MemoryStream(body);
        if (WeComXml.TryReadFields(stream) is not { } envelope || !envelope.TryGetValue("Encrypt", out var encrypted) || string.IsNullOrEmpty(encrypted))
        {
            return CallbackResults.Error(StatusCodes.Status400BadRequest, "Body is not a WeCom callback (malformed XML or no Encrypt).");
        }

        if (Authenticate(crypto, signature, timestamp, nonce, encrypted) is { } refused)
        {
            return refused;
        }

        switch (crypto.TryDecrypt(encrypted, out var plain))
        {
            case WeComDecryptStatus.WrongReceiver:
                return Reject("receive id", StatusCodes.Status401Unauthorized, "Not addressed to this corp.");
            case WeComDecryptStatus.Malformed:
                return CallbackResults.Error(StatusCodes.Status400BadRequest, "Encrypt does not decrypt.");
        }

        if (WeComMessage.TryParse(plain) is not { } message)
        {
            return CallbackResults.Error(StatusCodes.Status400BadRequest, "Decrypted message is malformed or lacks required fields.");
        }

        if (message.AgentId is { Length: > 0 } agent && agent != options.Value.AgentId?.ToString(CultureInfo.InvariantCulture))
        {
            return Reject("agent", StatusCodes.Status403Forbidden, "Not addressed to this app.");
        }

        if (message is { MsgType: "event" } and not { Event: "subscribe" })
        {
            return CallbackResults.Accepted();
        }

        var turn = new InboundTurn
        {
            ChannelId = Channel,
            MessageId = message.DedupId,
            SenderId = message.FromUserName,
            TextOnly = message.MsgType is not ("text" or "event"),
            Payload = JsonSerializer.SerializeToElement(message),
            AcceptedAt = time.GetUtcNow(),
        };
        return await InboxAnswers.AcceptAsync(inbox, turn, logger, cancellationToken);
    }

    /// <inheritdoc />
    public Task RunAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var message = turn.Payload.Deserialize<WeComMessage>()
            ?? throw new InvalidOperationException("An inbox item without a WeCom message.");
        return turn.TextOnly ? adapter.ReplyTextOnlyAsync(message, cancellationToken) : adapter.ProcessAsync(message, cancellationToken);
    }

    private IResult? Authenticate(WeComCrypto crypto, string signature, string timestamp, string nonce, string encrypted)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 100_000_000_000
            || TimeSpan.FromSeconds(Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds)) > options.Value.TimestampTolerance)
        {
            return Reject("timestamp", StatusCodes.Status401Unauthorized, "Timestamp missing or too far from now.");
        }

        return crypto.VerifySignature(signature, timestamp, nonce, encrypted)
            ? null
            : Reject("signature", StatusCodes.Status401Unauthorized, "Invalid signature.");
    }

    private IResult Reject(string reason, int status, string message)
    {
        WeComLog.Rejected(logger, Channel, reason);
        return CallbackResults.Error(status, message);
    }
}
