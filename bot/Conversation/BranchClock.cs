using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.Conversation;

/// <summary>
/// Today in a branch's own time zone (its settings; Asia/Shanghai by default), for reading members' dates (昨天, 12月3日)
/// and finding periods. The zone is cached per branch for <see cref="ConversationOptions.BranchZoneCacheFor"/>, so a turn
/// costs no settings read; every save of a branch's settings (chat, console, admin API) forgets it on this instance at once,
/// as one of the settings service's <see cref="IReminderTriggers"/>.
/// </summary>
internal sealed class BranchClock(TimeProvider time, IOptions<ConversationOptions> options, IServiceProvider services) : IReminderTriggers
{
    private static readonly TimeZoneInfo DefaultZone = TimeZoneInfo.FindSystemTimeZoneById(BranchReminderSettings.DefaultTimeZone);

    private readonly ConcurrentDictionary<string, (TimeZoneInfo Zone, DateTimeOffset Until)> _zones = new(StringComparer.Ordinal);

    /// <summary>The clock.</summary>
    public TimeProvider Time => time;

    /// <summary>The branch's zone (Asia/Shanghai when unbound, unset or unreadable).</summary>
    public async Task<TimeZoneInfo> ZoneAsync(string? branchId, CancellationToken cancellationToken)
    {
        if (branchId is null || services.GetService<IBranchSettingsStore>() is not { } store)
        {
            return DefaultZone;
        }

        var now = time.GetUtcNow();
        if (_zones.TryGetValue(branchId, out var cached) && cached.Until > now)
        {
            return cached.Zone;
        }

        var settings = await store.GetAsync(branchId, cancellationToken);
        var zone = settings is null ? DefaultZone : TryZone(settings);
        _zones[branchId] = (zone, now + options.Value.BranchZoneCacheFor);
        return zone;
    }

    /// <summary>Forgets a branch's cached zone (its settings changed).</summary>
    public void Forget(string branchId) => _zones.TryRemove(branchId, out _);

    /// <summary>The branch's settings were saved: its zone is read again on the next turn.</summary>
    Task IReminderTriggers.RefreshAsync(string branchId, CancellationToken cancellationToken)
    {
        Forget(branchId);
        return Task.CompletedTask;
    }

    /// <summary>Today in <paramref name="zone"/>.</summary>
    public DateOnly Today(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    /// <summary>Today in the default zone (Asia/Shanghai).</summary>
    public DateOnly DefaultToday => Today(DefaultZone);

    private static TimeZoneInfo TryZone(BranchReminderSettings settings)
    {
        try
        {
            return settings.Zone();
        }
        catch (TimeZoneNotFoundException)
        {
            return DefaultZone;
        }
    }
}
