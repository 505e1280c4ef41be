using System.Globalization;
using System.Net.Http.Json;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Ledger;

/// <summary>A branch's time zone changed through the admin API applies to the very next chat turn (no cached zone outlives the save).</summary>
public sealed class BranchZoneChangeTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task ZoneChangedByTheAdminApi_NextConfirmationCountsInTheNewZonesMonth()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);
        // 00:30 on 1 January in Beijing is still 22:30 on 31 December in Urumqi (UTC+6).
        host.Time.SetUtcNow(DateTimeOffset.Parse("2027-01-01T00:30:00+08:00", CultureInfo.InvariantCulture));
        Assert.False(string.IsNullOrEmpty(await host.SayAsync("张三", "我的待办"))); // the branch's zone is now cached

        using (var saved = await host.Admin.PutAsJsonAsync(new Uri($"/api/admin/branches/{host.Branch}/settings", UriKind.Relative), new { timeZone = "Asia/Urumqi" }))
        {
            saved.EnsureSuccessStatusCode();
        }

        var reply = await host.SayAsync("张三", "我交了党费");

        Assert.Contains("2026-12", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("2027-01", reply, StringComparison.Ordinal);
    }
}
