using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Bot.Conversation;
using PartyAffairs.Ledger.Notices;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Ledger;

/// <summary>A secretary's notice in chat through the host: members acknowledge it (button or a plain 收到), the secretary sees who has.</summary>
public sealed class NoticeAcknowledgementTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Roster = "姓名,角色\n王书记,党支部书记\n赵组织,组织委员\n张三,党员\n李四,党员\n王五,党员\n钱七,党员\n";

    [Fact]
    public async Task Notice_ButtonAndPlainAcknowledgements_RecordedOnceAndSecretarySeesWhoHasNot()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration, Roster, "钱七");
        var rounds = host.Factory.Services.GetRequiredService<NoticeRounds>();

        Assert.StartsWith("通知预览", await host.SayAsync("王书记", "通知 周五下午三点在三楼会议室召开党员大会，请准时参加"), StringComparison.Ordinal);
        Assert.StartsWith("正在发送通知", await host.SayAsync("王书记", "确认"), StringComparison.Ordinal);
        await rounds.WhenIdleAsync();

        // Every member's copy carries the 收到 button naming the notice.
        var copy = Assert.Single(host.Messenger.Sent, s => s.Reference.Conversation?.Id == $"{host.Branch}-张三").Activity;
        Assert.Contains("召开党员大会", copy.Text, StringComparison.Ordinal);
        var button = Assert.Single(ReplyMessage.Buttons(copy));
        Assert.Equal("收到", button.Title);

        Assert.Equal("已确认收到通知。", await host.SayAsync("张三", button.Text!));
        Assert.StartsWith("此前已确认收到", await host.SayAsync("张三", button.Text!), StringComparison.Ordinal);
        Assert.Equal("已确认收到通知。", await host.SayAsync("李四", "收到"));

        var status = await host.SayAsync("王书记", "通知确认情况");
        Assert.Contains("已确认 2/4", status, StringComparison.Ordinal);
        Assert.Contains("未确认：赵组织、王五", status, StringComparison.Ordinal);
        Assert.Contains("未绑定：钱七", status, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", status, StringComparison.Ordinal);

        Assert.StartsWith("抱歉，该功能仅限", await host.SayAsync("张三", "通知确认情况"), StringComparison.Ordinal);

        // A week later a plain 收到 is small talk again: nothing is recorded.
        host.Time.Advance(TimeSpan.FromDays(8));
        Assert.Equal(Replies.Thanks, await host.SayAsync("王五", "收到"));
        var later = await host.SayAsync("王书记", "谁收到通知了");
        Assert.Contains("已确认 2/4", later, StringComparison.Ordinal);
        Assert.Contains("未确认：赵组织、王五", later, StringComparison.Ordinal);

        var notice = (await host.Factory.Services.GetRequiredService<NoticeService>().LatestAsync(host.Branch, 1, CancellationToken.None))!;
        Assert.Equal((4, 0, 1), (notice.Delivered, notice.Failed, notice.Unbound));
        Assert.Equal(6 - 1, notice.Recipients);
        Assert.Equal("王书记", notice.SenderName);
    }

    [Fact]
    public async Task PlainAcknowledgement_NoNoticeReceived_ThanksAndNothingRecorded()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);

        Assert.Equal(Replies.Thanks, await host.SayAsync("张三", "收到了"));
        Assert.Equal("本支部尚无已发送的通知。", await host.SayAsync("王书记", "通知谁还没确认"));
        Assert.Null(await host.Factory.Services.GetRequiredService<NoticeService>().LatestAsync(host.Branch, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Nudge_NotANotice_NotRecordedAndCarriesNoButton()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);
        var rounds = host.Factory.Services.GetRequiredService<NoticeRounds>();

        await host.TurnAsync("王书记", "催办 党费", group: false);
        await rounds.WhenIdleAsync();

        Assert.All(host.Messenger.Sent, s => Assert.DoesNotContain(ReplyMessage.Buttons(s.Activity), b => b.Title == "收到"));
        Assert.Null(await host.Factory.Services.GetRequiredService<NoticeService>().LatestAsync(host.Branch, 1, CancellationToken.None));
    }
}
