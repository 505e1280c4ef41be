using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Bot.Conversation;
using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Delivery;
using PartyAffairs.Knowledge;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>The real bot (turn pipeline and command table) and stores over a real store connection, with a fresh branch per harness.</summary>
internal sealed class BotHarness
{
    public const string Channel = "directline";

    private readonly string _activityPrefix = Guid.NewGuid().ToString("N")[..12];
    private int _activity;

    public BotHarness(IConnectionMultiplexer connection, string? branchId = null, params TrackedDuty[] extraDuties)
        : this(connection, branchId, NullLogger<NoticeRounds>.Instance, extraDuties)
    {
    }

    /// <summary>A harness whose notice rounds log to <paramref name="roundLog"/>.</summary>
    public BotHarness(IConnectionMultiplexer connection, string? branchId, ILogger<NoticeRounds> roundLog, params TrackedDuty[] extraDuties)
        : this(connection, branchId, roundLog, configure: null, extraDuties)
    {
    }

    /// <summary>A harness whose pipeline <paramref name="configure"/> extends (more commands, dialogs or middleware).</summary>
    public BotHarness(IConnectionMultiplexer connection, string? branchId, ILogger<NoticeRounds> roundLog, Action<IServiceCollection>? configure, params TrackedDuty[] extraDuties)
    {
        Catalog = new TestDutyCatalog(extraDuties);
        BranchId = branchId ?? "b-" + Guid.NewGuid().ToString("N")[..10];
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero)); // 10:00 in Shanghai
        Roster = new RosterStore(connection, Time);
        Addresses = new ChannelAddressStore(connection);
        Ledger = new RedisCompletionLedger(connection);
        Rounds = new NoticeRounds(
            Addresses,
            new NoticeRoundStore(connection, new DeliveryInstance(), Time),
            new MemberActivityStore(connection),
            new BroadcastMessenger([], Messenger),
            Messenger,
            new BranchGroupRobots(GroupRobots, Options.Create(new GroupNoticeOptions { Branches = { ["dingtalk"] = BranchId } })),
            Time,
            roundLog);
        // The conversation's turn pipeline as the host composes it (middleware, error handler, dialogs, commands),
        // over this harness's stores, clock, knowledge base and messenger.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConnectionMultiplexer>(connection);
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Roster);
        services.AddSingleton(Addresses);
        services.AddSingleton(new ConversationStateStore(connection, Time));
        services.AddSingleton(new ActivityDeduplicator(connection));
        services.AddSingleton(new MemberActivityStore(connection));
        services.AddSingleton(new DutyTracker(Catalog, Ledger, Time));
        services.AddSingleton(Rounds);
        services.AddSingleton(new MobileBinder([], Roster, Time));
        services.AddSingleton<IKnowledgeBase>(Knowledge);
        services.AddConversationPipeline();
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
        Bot = Services.GetRequiredService<IBot>();
        Adapter = new TestAdapter(Services);
    }

    public string BranchId { get; }

    public FakeTimeProvider Time { get; }

    public RosterStore Roster { get; }

    public ChannelAddressStore Addresses { get; }

    public RedisCompletionLedger Ledger { get; }

    public TestDutyCatalog Catalog { get; }

    public RecordingKnowledgeBase Knowledge { get; } = new();

    public RecordingMessenger Messenger { get; } = new();

    /// <summary>Notices, nudges and leave notes run here after the turn; <see cref="SettleAsync"/> waits for them.</summary>
    public NoticeRounds Rounds { get; }

    /// <summary>Group robots of the harness's branch (empty unless a test adds one before the first notice).</summary>
    public List<IGroupNoticeSender> GroupRobots { get; } = [];

    /// <summary>The pipeline's services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Runs turns through the host's middleware and error handler.</summary>
    public TestAdapter Adapter { get; }

    public IBot Bot { get; }

    /// <summary>Creates the branch with the given roster; returns each member's invite code by name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CreateBranchAsync(params (string Name, string Role)[] roster)
    {
        await Roster.CreateBranchAsync(BranchId, "机关第一党支部", CancellationToken.None);
        var imported = await Roster.ImportAsync(BranchId, roster.Select(r => new NewMember(r.Name, r.Role, null)).ToArray(), CancellationToken.None);
        return imported.ToDictionary(i => i.Member.Name, i => i.InviteCode!);
    }

    /// <summary>A user id unique to this harness.</summary>
    public string User(string name) => $"{BranchId}-{name}";

    /// <summary>A message activity from a user, with a fresh id unless one is given.</summary>
    public Activity Message(string user, string text, string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? $"{_activityPrefix}-a{Interlocked.Increment(ref _activity)}",
        ChannelId = Channel,
        ServiceUrl = "http://127.0.0.1:9/",
        From = new ChannelAccount { Id = User(user), Name = user },
        Recipient = new ChannelAccount { Id = "bot", Name = "党务提醒助手" },
        Conversation = new ConversationAccount { Id = "conv-" + User(user) },
        Text = text,
    };

    /// <summary>Sends a message and returns the texts of the replies.</summary>
    public async Task<IReadOnlyList<string>> SayAsync(string user, string text, string? id = null)
    {
        var replies = await Adapter.ProcessAsync(Bot, Message(user, text, id));
        return replies.Select(r => r.Text ?? string.Empty).ToArray();
    }

    /// <summary>Sends a message and returns the one reply.</summary>
    public async Task<Activity> SayOneAsync(string user, string text, string? id = null) =>
        Assert.Single(await Adapter.ProcessAsync(Bot, Message(user, text, id)));

    /// <summary>Waits until every notice, nudge and leave note started so far was sent and reported.</summary>
    public Task SettleAsync() => Rounds.WhenIdleAsync();

    /// <summary>Proactive messages to one user's conversation (notices to a member, reports to a secretary).</summary>
    public IReadOnlyList<string> SentTo(string user) =>
        Messenger.Sent.Where(s => s.Reference.Conversation?.Id == "conv-" + User(user)).Select(s => s.Activity.Text ?? string.Empty).ToArray();

    /// <summary>Binds each named user with their code.</summary>
    public async Task BindAllAsync(IReadOnlyDictionary<string, string> codes, params string[] names)
    {
        foreach (var name in names)
        {
            var reply = await SayOneAsync(name, "绑定 " + codes[name]);
            Assert.StartsWith("绑定成功", reply.Text, StringComparison.Ordinal);
        }
    }

    /// <summary>The member id bound to a user.</summary>
    public async Task<string> MemberIdAsync(string user) =>
        (await Roster.GetBoundMemberIdAsync(Channel, User(user), CancellationToken.None))!;
}
