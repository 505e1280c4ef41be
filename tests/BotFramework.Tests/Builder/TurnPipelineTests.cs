using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using IMiddleware = PartyAffairs.BotFramework.Builder.IMiddleware;

namespace PartyAffairs.BotFramework.Tests.Builder;

/// <summary>The adapter's turn pipeline: middleware in order around the bot, the one error boundary, the turn state.</summary>
public sealed class TurnPipelineTests
{
    [Fact]
    public async Task Middleware_TwoAndTheBot_RunInOrderAroundTheBot()
    {
        var trace = new List<string>();
        var adapter = new RunningAdapter();
        adapter.Use(new Tracing("a", trace)).Use(new Tracing("b", trace));

        var completed = await adapter.RunAsync(Message("hi"), (_, _) => { trace.Add("bot"); return Task.CompletedTask; });

        Assert.True(completed);
        Assert.Equal(["a>", "b>", "bot", "<b", "<a"], trace);
    }

    [Fact]
    public async Task Middleware_NotCallingNext_StopsTheTurnBeforeTheBot()
    {
        var trace = new List<string>();
        var adapter = new RunningAdapter();
        adapter.Use(new Stopping()).Use(new Tracing("after", trace));

        await adapter.RunAsync(Message("hi"), (_, _) => { trace.Add("bot"); return Task.CompletedTask; });

        Assert.Empty(trace);
    }

    [Fact]
    public async Task OnTurnError_BotThrows_HandlerGetsTheTurnAndTheExceptionAndTheTurnCountsAsFailed()
    {
        var adapter = new RunningAdapter();
        (ITurnContext Turn, Exception Error)? handled = null;
        adapter.OnTurnError = (turn, e) => { handled = (turn, e); return Task.CompletedTask; };
        var activity = Message("hi");

        var completed = await adapter.RunAsync(activity, (_, _) => throw new InvalidOperationException("boom"));

        Assert.False(completed);
        Assert.Same(activity, handled!.Value.Turn.Activity);
        Assert.Equal("boom", handled.Value.Error.Message);
    }

    [Fact]
    public async Task OnTurnError_MiddlewareThrows_HandledLikeABotFailure()
    {
        var adapter = new RunningAdapter();
        var calls = 0;
        adapter.OnTurnError = (_, _) => { calls++; return Task.CompletedTask; };
        adapter.Use(new Throwing());

        Assert.False(await adapter.RunAsync(Message("hi"), (_, _) => Task.CompletedTask));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task OnTurnError_CallerCancelled_NotCalledAndTheCancellationPropagates()
    {
        var adapter = new RunningAdapter();
        var calls = 0;
        adapter.OnTurnError = (_, _) => { calls++; return Task.CompletedTask; };
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            adapter.RunAsync(Message("hi"), (_, ct) => Task.Delay(Timeout.Infinite, ct), cancel.Token));
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task OnTurnError_NoHandler_TheExceptionReachesTheCaller()
    {
        var adapter = new RunningAdapter();

        await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.RunAsync(Message("hi"), (_, _) => throw new InvalidOperationException()));
    }

    [Fact]
    public async Task UseTurnPipeline_RegisteredMiddlewareAndHandler_AppliedInRegistrationOrderAndResolvedAtTheFirstTurn()
    {
        var trace = new List<string>();
        var services = new ServiceCollection();
        services.AddSingleton(trace);
        services.AddTurnMiddleware<FirstMiddleware>();
        services.AddTurnMiddleware<SecondMiddleware>();
        services.AddTurnErrorHandler<RecordingHandler>();
        using var provider = services.BuildServiceProvider();

        var adapter = new RunningAdapter().UseTurnPipeline(provider);
        Assert.Empty(trace); // nothing resolved yet: adapters are built while the host composes its services
        var completed = await adapter.RunAsync(Message("hi"), (_, _) => throw new InvalidOperationException("boom"));

        Assert.False(completed);
        Assert.Equal(["first", "second", "handled boom"], trace);
    }

    [Fact]
    public async Task UseTurnPipeline_NoHandlerRegistered_TheExceptionReachesTheCaller()
    {
        using var provider = new ServiceCollection().BuildServiceProvider();
        var adapter = new RunningAdapter().UseTurnPipeline(provider);

        await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.RunAsync(Message("hi"), (_, _) => throw new InvalidOperationException()));
    }

    [Fact]
    public void TurnState_ByTypeAndByKey_KeptApartAndReplaced()
    {
        var state = new TurnContext(new RunningAdapter(), Message("hi")).TurnState;

        state.Set(new List<string> { "by type" });
        state.Set("key", new List<string> { "by key" });
        state.Set("key", new List<string> { "replaced" });

        Assert.Equal(["by type"], state.Get<List<string>>()!);
        Assert.Equal(["replaced"], state.Get<List<string>>("key")!);
        Assert.Null(state.Get<string>("key"));
        Assert.True(state.Remove("key"));
        Assert.Null(state.Get<List<string>>("key"));
    }

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "a1",
        ChannelId = "test",
        From = new ChannelAccount { Id = "u1" },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "c1" },
        Text = text,
    };

    private sealed class RunningAdapter : BotAdapter
    {
        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
            Task.FromResult(activities.Select(_ => new ResourceResponse(null)).ToArray());

        public Task<bool> RunAsync(Activity activity, BotCallbackHandler bot, CancellationToken cancellationToken = default) =>
            RunPipelineAsync(new TurnContext(this, activity), bot, cancellationToken);
    }

    private sealed class Tracing(string name, List<string> trace) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            trace.Add(name + ">");
            await next(cancellationToken);
            trace.Add("<" + name);
        }
    }

    private sealed class Stopping : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class Throwing : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("middleware");
    }

    private sealed class FirstMiddleware(List<string> trace) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            trace.Add("first");
            return next(cancellationToken);
        }
    }

    private sealed class SecondMiddleware(List<string> trace) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            trace.Add("second");
            return next(cancellationToken);
        }
    }

    private sealed class RecordingHandler(List<string> trace) : ITurnErrorHandler
    {
        public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception)
        {
            trace.Add("handled " + exception.Message);
            return Task.CompletedTask;
        }
    }
}
