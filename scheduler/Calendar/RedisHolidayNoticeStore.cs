using System.Globalization;
using StackExchange.Redis;

namespace PartyAffairs.Scheduler.Calendar;

/// <summary>Loaded notices in one hash, <c>pa:calendar:notices</c>: field = year, value = the notice's JSON.</summary>
public sealed class RedisHolidayNoticeStore(IConnectionMultiplexer connection) : IHolidayNoticeStore
{
    /// <summary>The hash of loaded notices (docs/scheduler.md lists it with the scheduler's keys).</summary>
    public static readonly RedisKey Key = "pa:calendar:notices";

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<int, string>> GetAllAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await connection.GetDatabase().HashGetAllAsync(Key);
        var notices = new Dictionary<int, string>();
        foreach (var entry in entries)
        {
            if (int.TryParse(entry.Name.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && !entry.Value.IsNullOrEmpty)
            {
                notices[year] = entry.Value.ToString();
            }
        }

        return notices;
    }

    /// <inheritdoc />
    public async Task SaveAsync(HolidayYear notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        cancellationToken.ThrowIfCancellationRequested();
        await connection.GetDatabase().HashSetAsync(Key, notice.Year.ToString(CultureInfo.InvariantCulture), HolidayNoticeJson.Write(notice));
    }
}
