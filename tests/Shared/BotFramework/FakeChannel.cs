using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Tests.BotFramework;

/// <summary>
/// A channel's Connector service on loopback (what the Emulator or Azure runs): records each call with its raw path,
/// Authorization header and JSON body, and answers <c>200 {"id": …}</c> like the Emulator does (or 401 while
/// <see cref="Unauthorized"/> is above zero, as a channel does to a revoked bot token).
/// </summary>
internal sealed class FakeChannel : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private int _unauthorized;

    private FakeChannel(ConcurrentQueue<ReceivedCall> calls) => Calls = calls;

    /// <summary>Calls answered, in arrival order (calls answered 401 are in <see cref="Rejected"/>).</summary>
    public ConcurrentQueue<ReceivedCall> Calls { get; }

    /// <summary>Calls answered 401.</summary>
    public ConcurrentQueue<ReceivedCall> Rejected { get; } = new();

    /// <summary>How many of the next calls are answered 401 Unauthorized.</summary>
    public int Unauthorized
    {
        get => Volatile.Read(ref _unauthorized);
        set => Volatile.Write(ref _unauthorized, value);
    }

    /// <summary>The serviceUrl to put on activities (no trailing slash, as the Emulator sends it).</summary>
    public string ServiceUrl => _server.Address.ToString().TrimEnd('/');

    public static async Task<FakeChannel> StartAsync()
    {
        var calls = new ConcurrentQueue<ReceivedCall>();
        var channel = new FakeChannel(calls);
        channel._server = await LoopbackServer.StartAsync(app => app.MapPost("/v3/conversations/{**rest}", async (HttpContext context) =>
        {
            var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var call = new ReceivedCall(rawTarget, context.Request.Headers.Authorization.ToString(), context.Request.ContentType, body.RootElement.Clone());
            if (Interlocked.Decrement(ref channel._unauthorized) >= 0)
            {
                channel.Rejected.Enqueue(call);
                return Results.Json(new { error = new { code = "Unauthorized", message = "token revoked" } }, statusCode: 401);
            }

            Interlocked.Increment(ref channel._unauthorized); // stays at zero
            calls.Enqueue(call);
            return Results.Json(new { id = $"fake-{calls.Count}" });
        }));
        return channel;
    }

    /// <summary>Waits until at least <paramref name="count"/> calls arrived.</summary>
    public async Task<ReceivedCall[]> WaitForCallsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Calls.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return [.. Calls];
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
