using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Planning.Kinds;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Ledger;

/// <summary>
/// The dues arrears ladder reads the ledger: months a secretary records as paid (the 台账's dues payments, not a chat
/// confirmation) end a member's streak, so the report to the secretaries names only those who really owe.
/// </summary>
public sealed class ArrearsFromLedgerTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly string[] PaidMonths = ["2026-12", "2027-01", "2027-02"];

    [Fact]
    public async Task ArrearsReport_AfterPaymentsRecordedInTheLedger_NamesOnlyMembersWithoutThem()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);
        // Members joined on 2026-12-04; three months later December, January and February are due.
        host.Time.SetUtcNow(DateTimeOffset.Parse("2027-03-05T10:00:00+08:00", CultureInfo.InvariantCulture));
        var zhang = await host.MemberIdAsync("张三");
        using (var paid = await host.Admin.PostAsJsonAsync(
            new Uri($"/api/admin/branches/{host.Branch}/members/{zhang}/dues/payments", UriKind.Relative),
            new { months = PaidMonths, amount = 24.5m }))
        {
            paid.EnsureSuccessStatusCode();
        }

        var services = host.Factory.Services;
        var planned = new PlannedReminder
        {
            BranchId = host.Branch,
            Group = ReminderGroup.Dues,
            Kinds = ["党费"],
            Titles = ["交纳党费"],
            Period = DutyPeriod.Containing(PeriodUnit.Month, new DateOnly(2027, 3, 1)),
            ReminderKind = new DuesArrears(),
            Audience = ReminderAudience.ArrearsLadder,
            Actionable = false,
            DueAt = DateTimeOffset.Parse("2027-03-05T10:30:00+08:00", CultureInfo.InvariantCulture),
            UsefulUntil = DateTimeOffset.Parse("2027-04-01T00:00:00+08:00", CultureInfo.InvariantCulture),
        };
        await services.GetRequiredService<ReminderFanOut>().FanOutAsync(planned, default);
        await services.GetRequiredService<ReminderDispatcher>().DrainAsync(default);
        for (var i = 0; i < 100 && !host.Messenger.Sent.Any(s => s.Reference.Conversation?.Id == $"{host.Branch}-王书记"); i++)
        {
            await Task.Delay(50); // the hosted delivery service may have taken the item
        }

        var report = Assert.Single(host.Messenger.Sent, s => s.Reference.Conversation?.Id == $"{host.Branch}-王书记").Activity.Text!;
        Assert.Contains("连续3个月未确认交纳党费", report, StringComparison.Ordinal);
        Assert.Contains("李四", report, StringComparison.Ordinal);
        Assert.Contains("王五", report, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", report, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Messenger.Sent, s => s.Reference.Conversation?.Id == $"{host.Branch}-张三");
    }
}
