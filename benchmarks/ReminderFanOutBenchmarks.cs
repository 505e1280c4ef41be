using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using PartyAffairs.Benchmarks.Reminders;
using PartyAffairs.Benchmarks.State;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Planning.Kinds;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Benchmarks;

/// <summary>
/// Fan-out of one reminder to a 10,000-member branch into a loopback sink, on redis-server and the embedded Garnet:
/// <c>Queue</c> resolves the audience against the ledger and queues every item; <c>QueueAndDeliver</c> also drains the
/// queue through the real dispatcher (claim SET NX, ledger check, rate limiter, send, state). The set-up prints one
/// measured run with CPU time and the store's memory per member.
/// </summary>
[MemoryDiagnoser]
public class ReminderFanOutBenchmarks
{
    private const int Members = 10_000;
    private BenchmarkStore _store = null!;
    private StackExchange.Redis.ConnectionMultiplexer _admin = null!;
    private ReminderFanOut _fanOut = null!;
    private ReminderDispatcher _dispatcher = null!;
    private CountingSink _sink = null!;
    private int _occurrence;

    /// <summary>The store under test.</summary>
    [Params("redis", "garnet")]
    public string Store { get; set; } = "redis";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _store = await BenchmarkStore.StartAsync(Store);
        _admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"{_store.Connection.GetEndPoints()[0]},allowAdmin=true");
        var time = new FixedTimeProvider(DateTimeOffset.Parse("2026-12-01T12:00:00+08:00", CultureInfo.InvariantCulture));
        var options = new ReminderOptions { Parallelism = 8, DefaultRateLimit = new ChannelRateLimit { Permits = 1_000_000, Window = TimeSpan.FromSeconds(1) } };
        options.RateLimits.Clear();
        var directory = new BenchmarkDirectory(Members);
        var ledger = new RedisCompletionLedger(_store.Connection);
        var settings = new RedisBranchSettingsStore(_store.Connection);
        var store = new ReminderDeliveryStore(_store.Connection, options);
        _sink = new CountingSink();
        _fanOut = new ReminderFanOut(directory, ledger, store, new ReminderWording(), NullLogger<ReminderFanOut>.Instance);

        // The shared limiter runs on the system clock so its permits leave the window and are trimmed as in production
        // (on the fixed clock every permit would stay counted); the limit itself never binds here.
        _dispatcher = new ReminderDispatcher(store, _sink, ledger, settings, new ChannelRateLimiter(_store.Connection, options, TimeProvider.System, NullLogger<ChannelRateLimiter>.Instance), options, time, NullLogger<ReminderDispatcher>.Instance);

        // One measured run: wall time, CPU time, and what the reminder leaves in the store per member.
        var before = await UsedMemoryAsync();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await _fanOut.FanOutAsync(Reminder(), default);
        var queued = clock.Elapsed;
        var queuedMemory = await UsedMemoryAsync();
        await _dispatcher.DrainAsync(default);
        var delivered = clock.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var after = await UsedMemoryAsync();
        var key = await _admin.GetDatabase().ExecuteAsync("MEMORY", "USAGE", ReminderKeys.Reminder("bench-0:党费:2026-12:dues", "m00001").ToString());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// [{Store}] {_sink.Count} delivered; queued in {queued.TotalMilliseconds:F0} ms, delivered in {delivered.TotalMilliseconds:F0} ms, CPU {cpuUsed.TotalMilliseconds:F0} ms; " +
            $"store memory per member: {(queuedMemory - before) / (double)Members:F0} B while queued, {(after - before) / (double)Members:F0} B after delivery; MEMORY USAGE of one key: {key}"));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _admin.DisposeAsync();
        await _store.DisposeAsync();
    }

    /// <summary>Resolve the audience and queue one reminder to every member.</summary>
    [Benchmark]
    public Task<int> Queue() => _fanOut.FanOutAsync(Reminder(), default);

    /// <summary>Queue and deliver one reminder to every member through the loopback sink.</summary>
    [Benchmark]
    public async Task<int> QueueAndDeliver()
    {
        var queued = await _fanOut.FanOutAsync(Reminder(), default);
        await _dispatcher.DrainAsync(default);
        return queued;
    }

    private PlannedReminder Reminder()
    {
        var n = _occurrence++;
        return new PlannedReminder
        {
            // A new occurrence per invocation (the directory gives every branch the same members): the month's dues reminder
            // of branch bench-{n}, an occurrence id as long as before the typed kinds (bench:党费:2026-12:dues-{n}).
            BranchId = string.Create(CultureInfo.InvariantCulture, $"bench-{n}"),
            Group = ReminderGroup.Dues,
            Kinds = ["党费"],
            Titles = ["交纳党费"],
            Period = DutyPeriod.Containing(PeriodUnit.Month, new DateOnly(2026, 12, 1)),
            ReminderKind = new DuesStart(),
            Audience = ReminderAudience.UnconfirmedMembers,
            DueAt = DateTimeOffset.Parse("2026-12-01T08:30:00+08:00", CultureInfo.InvariantCulture),
            UsefulUntil = DateTimeOffset.Parse("2027-01-01T00:00:00+08:00", CultureInfo.InvariantCulture),
            Sources = [RuleSource.DuesRegulations],
        };
    }

    private async Task<long> UsedMemoryAsync()
    {
        var info = (await _admin.GetDatabase().ExecuteAsync("INFO", "memory")).ToString();
        var line = info.Split('\n').FirstOrDefault(l => l.StartsWith("used_memory:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["used_memory:".Length..].Trim(), CultureInfo.InvariantCulture);
    }
}
