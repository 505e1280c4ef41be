using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Conversation;
using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Delivery;
using PartyAffairs.Knowledge;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Benchmarks.State;

/// <summary>
/// Cost of one bot turn (turn pipeline, command table, state), without the chat protocols: a bound member's 我的待办, a
/// confirmation plus its undo, an unbound user's question, and 64 concurrent 我的待办 turns, on the embedded Garnet and
/// on redis-server.
/// </summary>
[MemoryDiagnoser]
public class BotTurnBenchmarks
{
    private const int Concurrent = 64;
    private readonly DiscardingAdapter _adapter = new();
    private BenchmarkStore _store = null!;
    private ServiceProvider _services = null!;
    private IBot _bot = null!;
    private long _next;

    [Params("garnet", "redis")]
    public string Store { get; set; } = "garnet";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _store = await BenchmarkStore.StartAsync(Store);
        var connection = _store.Connection;
        var time = TimeProvider.System;
        var knowledge = new KnowledgeBase();
        await knowledge.LoadAsync(Path.Combine(AppContext.BaseDirectory, "sources"));
        var roster = new RosterStore(connection, time);
        var addresses = new ChannelAddressStore(connection);
        await roster.CreateBranchAsync("bench", "基准测试支部", CancellationToken.None);
        var imported = await roster.ImportAsync("bench", Enumerable.Range(0, 30).Select(i => new NewMember($"成员{i}", i == 0 ? "党支部书记" : "党员", null)).ToArray(), CancellationToken.None);
        for (var i = 0; i < Concurrent; i++)
        {
            await roster.ClaimInviteAsync(imported[i % 30].InviteCode ?? (await roster.IssueInviteAsync(imported[i % 30].Member.Id, CancellationToken.None))!, "bench", $"user{i}", CancellationToken.None);
        }

        // The conversation's turn pipeline as the host composes it (middleware, error handler, dialogs, commands).
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(connection);
        services.AddSingleton(time);
        services.AddSingleton(roster);
        services.AddSingleton(addresses);
        services.AddSingleton(new ConversationStateStore(connection, time));
        services.AddSingleton(new ActivityDeduplicator(connection));
        services.AddSingleton(new MemberActivityStore(connection));
        services.AddSingleton(new DutyTracker(new KnowledgeDutyCatalog(knowledge.Duties), new RedisCompletionLedger(connection), time));
        services.AddSingleton(new NoticeRounds(
            addresses,
            new NoticeRoundStore(connection, new DeliveryInstance(), TimeProvider.System),
            new MemberActivityStore(connection),
            new BroadcastMessenger([], new NullMessenger()),
            new NullMessenger(),
            new BranchGroupRobots([], Options.Create(new GroupNoticeOptions())),
            time,
            NullLogger<NoticeRounds>.Instance));
        services.AddSingleton(new MobileBinder([], roster, time));
        services.AddSingleton<IKnowledgeBase>(knowledge);
        services.AddConversationPipeline();
        _services = services.BuildServiceProvider();
        _bot = _services.GetRequiredService<IBot>();
        _adapter.UseTurnPipeline(_services);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Benchmark(Description = "我的待办 (bound member)")]
    public Task MyDuties() => _adapter.RunAsync(_bot, Message("user1", "我的待办"));

    [Benchmark(Description = "已交党费 + 撤销 (2 turns)")]
    public async Task ConfirmAndUndo()
    {
        await _adapter.RunAsync(_bot, Message("user2", "已交党费"));
        await _adapter.RunAsync(_bot, Message("user2", "撤销"));
    }

    [Benchmark(Description = "question (unbound)")]
    public Task Question() => _adapter.RunAsync(_bot, Message("stranger", "党费多久交一次"));

    [Benchmark(Description = "64 concurrent 我的待办", OperationsPerInvoke = Concurrent)]
    public Task ConcurrentMyDuties() =>
        Task.WhenAll(Enumerable.Range(0, Concurrent).Select(i => _adapter.RunAsync(_bot, Message($"user{i}", "我的待办"))));

    private Activity Message(string user, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "a" + Interlocked.Increment(ref _next),
        ChannelId = "bench",
        ServiceUrl = "http://127.0.0.1:9/",
        From = new ChannelAccount { Id = user },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "c-" + user },
        Text = text,
    };
}
