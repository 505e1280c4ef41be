using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Delivery;
using PartyAffairs.Delivery.Pacing;
using PartyAffairs.Delivery.Retry;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Knowledge;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Settings;
using StackExchange.Redis;

namespace PartyAffairs.Scheduler.Tests.Delivery;

/// <summary>One scheduler instance over a real Redis: the same classes the host wires, a roster in memory, a loopback sink; the completion ledger in Redis unless given.</summary>
internal sealed class SchedulerHarness
{
    public SchedulerHarness(IConnectionMultiplexer redis, FakeTimeProvider time, InMemoryDirectory directory, LoopbackSink sink, ReminderOptions? options = null, IReadOnlyList<Duty>? duties = null, ICompletionLedger? ledger = null, IReadOnlyList<SourceDocument>? documents = null)
    {
        Time = time;
        // The fake clock does not move by itself: reminder caps are tested on their own (ReminderPacingTests).
        Options = options ?? new ReminderOptions();
        var instance = new DeliveryInstance();
        Ledger = ledger ?? new RedisCompletionLedger(redis);
        Settings = new RedisBranchSettingsStore(redis);
        Store = new ReminderDeliveryStore(redis, Options, instance, time);
        Catalogs = new BranchDutyCatalogs(duties ?? [], documents ?? []);
        var calendar = WorkingCalendar.LoadDefault();
        FanOut = new ReminderFanOut(directory, Ledger, Store, new ReminderWording(), NullLogger<ReminderFanOut>.Instance);
        Coordinator = new ReminderCoordinator(Settings, Catalogs, new ReminderPlanner(calendar), calendar, FanOut, Store, Options, time, NullLogger<ReminderCoordinator>.Instance);
        Preview = new ReminderPlanPreview(Settings, Catalogs, new ReminderPlanner(calendar), FanOut);
        Dispatcher = new ReminderDispatcher(
            Store, sink, Ledger, Settings, new SharedRateLimiter(redis, instance, time, NullLogger<SharedRateLimiter>.Instance),
            new DeliveryRetry(new RetryOptions { Backoff = TimeSpan.FromSeconds(1) }, time), Options, time, NullLogger<ReminderDispatcher>.Instance, new ReminderWording());
        SettingsService = new ReminderSettingsService(new BranchSettingsService(Settings, Catalogs, Coordinator, [], calendar, time));
        Recorder = new ReminderResponseRecorder(Ledger, directory, Settings, Catalogs, FanOut, time);
        Responses = new ReminderResponseService(Recorder);
    }

    public FakeTimeProvider Time { get; }

    public ReminderOptions Options { get; }

    public ICompletionLedger Ledger { get; }

    public RedisBranchSettingsStore Settings { get; }

    public ReminderDeliveryStore Store { get; }

    public BranchDutyCatalogs Catalogs { get; }

    public ReminderFanOut FanOut { get; }

    public ReminderCoordinator Coordinator { get; }

    public ReminderDispatcher Dispatcher { get; }

    /// <summary>The plan as it would be sent (the plan API's service).</summary>
    public ReminderPlanPreview Preview { get; }

    /// <summary>The settings commands as the host words them (bot/Reminders over the scheduler's BranchSettingsService).</summary>
    public ReminderSettingsService SettingsService { get; }

    /// <summary>The scheduler's typed recording of answers.</summary>
    public ReminderResponseRecorder Recorder { get; }

    /// <summary>The reminder buttons as the host reads them (bot/Reminders over the scheduler's ReminderResponseRecorder).</summary>
    public ReminderResponseService Responses { get; }

    /// <summary>Ticks every group of the branch, then delivers everything queued.</summary>
    public async Task RunAsync(string branchId, CancellationToken cancellationToken = default)
    {
        foreach (var group in Enum.GetValues<ReminderGroup>())
        {
            await Coordinator.TickAsync(branchId, group, cancellationToken);
        }

        await Dispatcher.MaintainAsync(cancellationToken);
        await Dispatcher.DrainAsync(cancellationToken);
    }
}

/// <summary>A roster in memory (the host's directory is tested in the bot project).</summary>
internal sealed class InMemoryDirectory : IMemberDirectory
{
    public List<ReminderRecipient> Members { get; } = [];

    public Task<IReadOnlyList<string>> ListBranchIdsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(["b1"]);

    public Task<IReadOnlyList<ReminderRecipient>> ListMembersAsync(string branchId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderRecipient>>(Members.ToArray());

    public static InMemoryDirectory WithMembers(int count, DateOnly? since = null)
    {
        var directory = new InMemoryDirectory();
        directory.Members.Add(new ReminderRecipient { MemberId = "sec", Name = "书记", Role = "党支部书记", ChannelId = "directline", Since = since });
        for (var i = 1; i < count; i++)
        {
            directory.Members.Add(new ReminderRecipient { MemberId = $"m{i:00000}", Name = $"党员{i}", Role = "党员", ChannelId = i % 3 == 0 ? "dingtalk" : "directline", Since = since });
        }

        return directory;
    }
}

/// <summary>The loopback sink: records every delivery; can refuse or stop the process after a number of sends.</summary>
internal sealed class LoopbackSink : IReminderSender
{
    private int _calls;

    public ConcurrentQueue<ReminderDelivery> Delivered { get; } = new();

    /// <summary>Called with the 1-based send number before the outcome is returned.</summary>
    public Func<int, ReminderDelivery, SendOutcome?>? Behaviour { get; set; }

    public Task<SendOutcome> SendAsync(ReminderDelivery delivery, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var call = Interlocked.Increment(ref _calls);
        if (Behaviour?.Invoke(call, delivery) is { } outcome)
        {
            return Task.FromResult(outcome);
        }

        Delivered.Enqueue(delivery);
        return Task.FromResult(SendOutcome.Sent);
    }

    public IReadOnlyList<ReminderDelivery> To(string memberId) => Delivered.Where(d => d.MemberId == memberId).ToArray();

    public IReadOnlyList<ReminderDelivery> OfKind(string fragment) => Delivered.Where(d => (d.IdempotencyKey.Contains(fragment, StringComparison.Ordinal) || d.Occurrences.Any(o => (o + ":").Contains(fragment, StringComparison.Ordinal)))).ToArray();
}
