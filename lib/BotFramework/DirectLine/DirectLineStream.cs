using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>
/// Serves one WebSocket stream (protocols.md §3.4): text frames <c>{"activities":[…],"watermark":"n"}</c> with everything
/// after the starting watermark, then each new activity as it is recorded; an empty frame as keep-alive when idle.
/// When the host starts stopping, every open stream is closed first (status 1001, going away), so the server does not
/// wait out its shutdown timeout for chat pages that would otherwise keep their sockets open.
/// </summary>
internal sealed class DirectLineStream(
    IDirectLineStore store,
    ConversationSignals signals,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineStream> logger)
{
    private readonly int _pageSize = options.Value.PageSize;
    private readonly TimeSpan _keepAlive = TimeSpan.FromSeconds(options.Value.StreamKeepAliveSeconds);

    /// <summary>Streams the conversation until the client closes the socket or the request ends.</summary>
    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken requestAborted)
    {
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        var receiving = ReceiveUntilClosedAsync(socket, closed);
        // Stopping ends the stream loop but not the receive loop: cancelling a pending receive would abort the socket,
        // and the client is owed a close frame.
        using var streaming = CancellationTokenSource.CreateLinkedTokenSource(closed.Token, lifetime.ApplicationStopping);
        var cancellationToken = streaming.Token;
        var closeStatus = WebSocketCloseStatus.NormalClosure;
        try
        {
            while (!cancellationToken.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var next = signals.NextAsync(conversationId);
                var page = await store.ReadAsync(conversationId, watermark, _pageSize, cancellationToken);
                if (page.Activities.Count > 0)
                {
                    watermark = page.LastSequence;
                    var frame = JsonSerializer.SerializeToUtf8Bytes(new ActivitySet(page.Activities, ActivityIds.FormatWatermark(watermark)), BotJson.Options);
                    await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                    continue;
                }

                var idle = Task.Delay(_keepAlive, time, cancellationToken);
                if (await Task.WhenAny(next, idle) == idle && !cancellationToken.IsCancellationRequested)
                {
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            ProtocolLog.StreamClosed(logger, "request ended");
        }
        catch (WebSocketException e)
        {
            ProtocolLog.StreamClosed(logger, e.WebSocketErrorCode.ToString());
        }
        catch (DirectLineStoreUnavailableException)
        {
            // The client reconnects through GET /conversations/{id} and resumes from its watermark.
            closeStatus = WebSocketCloseStatus.InternalServerError;
            ProtocolLog.StreamClosed(logger, "store unavailable");
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested && closeStatus == WebSocketCloseStatus.NormalClosure)
        {
            // Going away: Web Chat reconnects (and resumes from its watermark) once the service is back.
            closeStatus = WebSocketCloseStatus.EndpointUnavailable;
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(closeStatus, null, timeout.Token);
                // Give the client a moment to answer the close handshake before the socket is torn down.
                await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromSeconds(2), time, CancellationToken.None));
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                ProtocolLog.StreamClosed(logger, "close handshake failed");
            }
        }

        await closed.CancelAsync();
        await receiving;
    }

    /// <summary>Reads (and ignores) client frames; a close frame or a broken socket ends the stream.</summary>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The stream loop notices through the cancellation below.
        }

        await closed.CancelAsync();
    }
}
