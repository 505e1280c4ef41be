using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Planning;

namespace PartyAffairs.Scheduler.Calendar;

/// <summary>
/// Keeps every instance's <see cref="WorkingCalendar"/> in step with the notices operators load: reads the store at
/// start-up and every <see cref="Interval"/> (a refresh, not a read-through: planning stays synchronous and pure), and at
/// once on the instance that loads a notice. When the notices change, every branch's triggers are refreshed, so a reminder
/// the new calendar moves earlier is not fired late.
/// </summary>
public sealed class HolidayCalendarRefresher(
    WorkingCalendar calendar,
    IHolidayNoticeStore store,
    IMemberDirectory directory,
    IEnumerable<IReminderTriggers> triggers,
    TimeProvider time,
    ILogger<HolidayCalendarRefresher> logger) : BackgroundService
{
    /// <summary>How often the store is read: a notice loaded on one instance is in force on all within this time.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyDictionary<int, string>? _current;

    /// <summary>Stores a validated notice (every instance takes it up within <see cref="Interval"/>) and applies it here at once.</summary>
    public async Task LoadAsync(HolidayYear notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        await store.SaveAsync(notice, cancellationToken);
        CalendarLog.NoticeStored(logger, notice.Year);
        await RefreshAsync(cancellationToken);
    }

    /// <summary>Reads the notices from the store and applies them when they changed; true when they did. Store errors propagate.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var stored = await store.GetAllAsync(cancellationToken);
        bool first;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is not null && Same(_current, stored))
            {
                return false;
            }

            var notices = new List<HolidayYear>();
            foreach (var (year, json) in stored.OrderBy(e => e.Key))
            {
                if (HolidayNoticeJson.Read(json, year, out var notice) is { } problem)
                {
                    CalendarLog.NoticeInvalid(logger, year, problem);
                    continue;
                }

                notices.Add(notice!);
            }

            calendar.ApplyLoadedNotices(notices);
            first = _current is null;
            _current = stored;
            if (notices.Count > 0)
            {
                CalendarLog.NoticesLoaded(logger, string.Join(",", notices.Select(n => n.Year)));
            }
        }
        finally
        {
            _gate.Release();
        }

        // At start-up no trigger is placed yet; afterwards a changed calendar may move a branch's next reminder earlier.
        if (!first)
        {
            await RefreshTriggersAsync(cancellationToken);
        }

        return true;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                CalendarLog.RefreshFailed(logger, e);
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    private async Task RefreshTriggersAsync(CancellationToken cancellationToken)
    {
        var refreshers = triggers.ToArray();
        if (refreshers.Length == 0)
        {
            return;
        }

        foreach (var branchId in await directory.ListBranchIdsAsync(cancellationToken))
        {
            try
            {
                foreach (var trigger in refreshers)
                {
                    await trigger.RefreshAsync(branchId, cancellationToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                CalendarLog.TriggerRefreshFailed(logger, e, branchId);
            }
        }
    }

    private static bool Same(IReadOnlyDictionary<int, string> a, IReadOnlyDictionary<int, string> b) =>
        a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var other) && string.Equals(e.Value, other, StringComparison.Ordinal));
}
