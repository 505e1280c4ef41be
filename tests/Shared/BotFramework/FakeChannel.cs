using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Tests.BotFramework;

/// <summary>
/// A channel's Connector service on loopback (what the Emulator or Azure runs): records each call with its raw path,
/// Authorization header and JSON body, and answers <c>200 {"id": …}</c> like the Emulator does.
/// </summary>
internal sealed class FakeChannel : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FakeChannel(LoopbackServer server, ConcurrentQueue<ReceivedCall> calls)
    {
        _server = server;
        Calls = calls;
    }

    public ConcurrentQueue<ReceivedCall> Calls { get; }

    /// <summary>The serviceUrl to put on activities (no trailing slash, as the Emulator sends it).</summary>
    public string ServiceUrl => _server.Address.ToString().TrimEnd('/');

    public static async Task<FakeChannel> StartAsync()
    {
        var calls = new ConcurrentQueue<ReceivedCall>();
        var server = await LoopbackServer.StartAsync(app => app.MapPost("/v3/conversations/{**rest}", async (HttpContext context) =>
        {
            var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            calls.Enqueue(new ReceivedCall(rawTarget, context.Request.Headers.Authorization.ToString(), context.Request.ContentType, body.RootElement.Clone()));
            return Results.Json(new { id = $"fake-{calls.Count}" });
        }));
        return new FakeChannel(server, calls);
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
