using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Jobs;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Settings;
using Quartz;
using StackExchange.Redis;

namespace PartyAffairs.Scheduler.Tests.Jobs;

/// <summary>
/// One scheduler instance as the bot hosts it: a generic host with <see cref="ReminderSchedulerServices.AddReminderScheduler"/>
/// (real Quartz, in-memory store, on the fake clock), its own Redis connection to the shared redis-server, a loopback sender,
/// and the host's words (<see cref="ReminderWording"/>).
/// </summary>
internal sealed class ReminderHost : IAsyncDisposable
{
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(20);

    private readonly IHost _host;
    private readonly ConnectionMultiplexer _connection;
    private bool _stopped;

    private ReminderHost(IHost host, ConnectionMultiplexer connection, RecordingSender sender, FireLog fires, FakeTimeProvider time, CapturedLog log)
    {
        Log = log;
        _host = host;
        _connection = connection;
        Sender = sender;
        Fires = fires;
        Time = time;
    }

    public RecordingSender Sender { get; }

    public FireLog Fires { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The host's warnings and errors.</summary>
    public CapturedLog Log { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Options the tests use: the first catch-up 1 s after start, limits that never bind (they have their own tests).</summary>
    public static ReminderOptions TestOptions()
    {
        var options = new ReminderOptions
        {
            StartDelay = TimeSpan.FromSeconds(1),
            PollInterval = TimeSpan.FromSeconds(1),
            DefaultRateLimit = new ChannelRateLimit { Permits = 100_000, Window = TimeSpan.FromSeconds(1) },
        };
        options.RateLimits.Clear();
        return options;
    }

    public static async Task<ReminderHost> StartAsync(string redisConfiguration, FakeTimeProvider time, IMemberDirectory roster, ReminderOptions? options = null)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(redisConfiguration);
        var sender = new RecordingSender(time);
        var fires = new FireLog();
        var log = new CapturedLog();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var services = builder.Services;
        services.AddLogging(b => b.AddProvider(log));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IConnectionMultiplexer>(connection);
        services.AddSingleton(options ?? TestOptions());
        services.AddSingleton(WorkingCalendar.LoadDefault());
        services.AddSingleton(new BranchDutyCatalogs([], []));
        services.AddSingleton<IMemberDirectory>(roster);
        services.AddSingleton<IReminderSender>(sender);
        services.AddSingleton<ICompletionLedger, RedisCompletionLedger>();
        services.AddReminderScheduler(enabled: true, q => q.AddJobListener(fires));

        // The words and the settings commands, as the bot registers them (bot/Scheduling/SchedulingHosting).
        services.AddSingleton<IReminderWording, ReminderWording>();
        services.AddSingleton<ReminderSettingsService>();
        var host = builder.Build();
        await host.StartAsync();
        return new ReminderHost(host, connection, sender, fires, time, log);
    }

    public async Task<IScheduler> SchedulerAsync() => await Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    /// <summary>The pending fire of a branch's trigger (null: no trigger).</summary>
    public async Task<DateTimeOffset?> NextFireAsync(string branchId, ReminderGroup group) =>
        (await (await SchedulerAsync()).GetTrigger(ReminderTriggerFactory.Key(branchId, group)))?.NextFireTimeUtc;

    /// <summary>True once every group of the branch has a trigger.</summary>
    public async Task<bool> HasTriggersAsync(string branchId)
    {
        var scheduler = await SchedulerAsync();
        foreach (var group in Enum.GetValues<ReminderGroup>())
        {
            if (await scheduler.GetTrigger(ReminderTriggerFactory.Key(branchId, group)) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the shared queue is empty and this host has nothing in flight.</summary>
    public async Task<bool> IdleAsync()
    {
        var db = _connection.GetDatabase();
        var instance = Services.GetRequiredService<ReminderDispatcher>().InstanceId;
        return await db.ListLengthAsync(ReminderKeys.Queue) == 0 && await db.ListLengthAsync(ReminderKeys.Processing(instance)) == 0;
    }

    /// <summary>
    /// Waits in real time (polling, never a timed assertion) until <paramref name="condition"/> holds without moving the
    /// clock: Quartz, the delivery loop and the jobs run on thread-pool threads after the fake clock moved.
    /// </summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + RealTimeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for: {what}");
            }

            await Task.Delay(15);
        }
    }

    /// <summary>
    /// Moves the fake clock <paramref name="step"/> at a time (letting the host's loops run between steps) until
    /// <paramref name="condition"/> holds; fails after <paramref name="maxSteps"/>.
    /// </summary>
    public static async Task StepUntilAsync(FakeTimeProvider time, Func<Task<bool>> condition, string what, TimeSpan? step = null, int maxSteps = 60)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            if (await condition())
            {
                return;
            }

            time.Advance(step ?? TimeSpan.FromSeconds(1));
            for (var settle = 0; settle < 20 && !await condition(); settle++)
            {
                await Task.Delay(10);
            }
        }

        if (!await condition())
        {
            throw new TimeoutException($"Not reached after {maxSteps} steps of the fake clock: {what}");
        }
    }

    /// <summary>Stops the host as a deployment does (Quartz waits for running jobs).</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var timeout = new CancellationTokenSource(RealTimeout);
        await _host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
        await _connection.DisposeAsync();
    }
}
