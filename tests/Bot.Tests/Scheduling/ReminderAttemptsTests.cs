using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Bot.State;
using PartyAffairs.Bot.Tests.Channels;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Periods;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Planning.Kinds;
using PartyAffairs.Tests.DingTalk;
using PartyAffairs.Tests.Infrastructure;
using PartyAffairs.Tests.WeCom;

namespace PartyAffairs.Bot.Tests.Scheduling;

/// <summary>
/// One reminder against a failing platform, through the host as composed (dispatcher, reminder sender, proactive
/// messenger, platform adapter, loopback fake platform): exactly one layer retries, so the platform sees at most
/// <c>Delivery:Retry:MaxAttempts</c> requests (before, the dispatcher's four attempts each went through the platform
/// client's five: up to twenty), and the reminder is then recorded as failed.
/// </summary>
public sealed class ReminderAttemptsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string AdminToken = "reminder-attempts-admin-token";

    private static Dictionary<string, string> Settings(int attempts) => new()
    {
        ["Admin:Token"] = AdminToken,
        ["Reminders:Enabled"] = "false", // the test drains the queue itself
        ["Delivery:Retry:MaxAttempts"] = attempts.ToString(CultureInfo.InvariantCulture),
        ["Delivery:Retry:Backoff"] = "00:00:00.010",
    };

    [Fact]
    public async Task Reminder_DingTalkAnswers503Always_AtMostMaxAttemptsRequestsThenRecordedFailed()
    {
        await using var dingTalk = new FakeDingTalkServer(TimeProvider.System) { ServerErrors = 1000 };
        await dingTalk.StartAsync();
        await using var host = ChannelTestHost.Create(redis, dingTalk, weCom: null, time: Noon(), settings: Settings(3));

        var key = await RemindOneMemberAsync(host, new ConversationReference { ChannelId = "dingtalk", User = new ChannelAccount { Id = "zs001" }, Conversation = new ConversationAccount { Id = "cid-zs001" } });

        Assert.Equal(3, dingTalk.OpenApiSends);
        Assert.StartsWith("failed|", (await redis.Connection.GetDatabase().StringGetAsync(key)).ToString(), StringComparison.Ordinal);
        Assert.Empty(dingTalk.Calls);
    }

    [Fact]
    public async Task Reminder_WeComAnswers429WithRetryAfter_AtMostMaxAttemptsRequestsThenRecordedFailed()
    {
        await using var weCom = new FakeWeComServer(TimeProvider.System) { TooManyRequests = 1000, RetryAfter = TimeSpan.FromSeconds(1) };
        await weCom.StartAsync();
        await using var host = ChannelTestHost.Create(redis, dingTalk: null, weCom, time: Noon(), settings: Settings(2));
        var started = DateTimeOffset.UtcNow;

        var key = await RemindOneMemberAsync(host, new ConversationReference { ChannelId = "wecom", User = new ChannelAccount { Id = "zhangsan" }, Conversation = new ConversationAccount { Id = "zhangsan" } });

        Assert.Equal(2, weCom.MessageSends);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(1), "the second attempt waited for the Retry-After");
        Assert.StartsWith("failed|", (await redis.Connection.GetDatabase().StringGetAsync(key)).ToString(), StringComparison.Ordinal);
        Assert.Empty(weCom.Calls);
    }

    /// <summary>Real time, shifted so that it is noon in Beijing (outside any quiet hours) when the test starts.</summary>
    private static ShiftedClock Noon()
    {
        var now = DateTimeOffset.UtcNow;
        var noon = new DateTimeOffset(now.ToOffset(TimeSpan.FromHours(8)).Date.AddHours(12), TimeSpan.FromHours(8));
        return new ShiftedClock(noon - now);
    }

    /// <summary>The system clock moved by a fixed offset: timers run in real time.</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }

    /// <summary>A branch of one member reachable at <paramref name="address"/>; one reminder fanned out and drained; returns its idempotency key.</summary>
    private static async Task<StackExchange.Redis.RedisKey> RemindOneMemberAsync(WebApplicationFactory<Program> host, ConversationReference address)
    {
        var branch = "ra" + Guid.NewGuid().ToString("N")[..8];
        using var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name = "机关第四党支部" })).EnsureSuccessStatusCode();
        using var csv = new StringContent("姓名,角色\n张三,党员\n", Encoding.UTF8, "text/csv");
        var imported = await (await admin.PostAsync(new Uri($"/api/admin/branches/{branch}/roster", UriKind.Relative), csv)).Content.ReadFromJsonAsync<JsonElement>();
        var memberId = imported.GetProperty("members")[0].GetProperty("id").GetString()!;
        var services = host.Services;
        await services.GetRequiredService<ChannelAddressStore>().SaveAsync(memberId, address, CancellationToken.None);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var planned = new PlannedReminder
        {
            BranchId = branch,
            Group = ReminderGroup.Dues,
            Kinds = ["党费"],
            Titles = ["交纳党费"],
            Period = DutyPeriod.Containing(PeriodUnit.Month, new DateOnly(2026, 11, 1)),
            ReminderKind = new DuesNudge(DuesDay: 23, DaysLeft: 7),
            Audience = ReminderAudience.UnconfirmedMembers,
            DueAt = now,
            UsefulUntil = now.AddDays(30),
        };

        Assert.Equal(1, await services.GetRequiredService<ReminderFanOut>().FanOutAsync(planned, default));
        await services.GetRequiredService<ReminderDispatcher>().DrainAsync(default);
        return ReminderKeys.Reminder(planned.Id, memberId);
    }
}
