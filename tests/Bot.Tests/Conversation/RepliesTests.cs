using PartyAffairs.Bot.Conversation;

namespace PartyAffairs.Bot.Tests.Conversation;

public sealed class RepliesTests
{
    [Theory]
    [InlineData(23, 0, 0, "通知发送完成：已送达 23/23。")]
    [InlineData(21, 2, 0, "通知发送完成：已送达 21/23，2 人发送失败。\n发送失败：成员1、成员2\n请另行通知以上同志。")]
    [InlineData(22, 0, 1, "通知发送完成：已送达 22/23，1 人无法送达。\n无法送达（尚未绑定或未与助手对话）：未绑1\n请另行通知以上同志。")]
    [InlineData(20, 2, 1, "通知发送完成：已送达 20/23，2 人发送失败，1 人无法送达。\n发送失败：成员1、成员2\n无法送达（尚未绑定或未与助手对话）：未绑1\n请另行通知以上同志。")]
    public void NoticeReport_DeliveredFailedUnreachable_SummaryThenNames(int delivered, int failed, int unreachable, string expected)
    {
        var report = new NoticeReport(delivered, delivered + failed + unreachable, Names("成员", failed), Names("未绑", unreachable), []);

        Assert.Equal(expected, Replies.NoticeReport(report));
    }

    [Fact]
    public void NoticeReport_MoreThanTwentyFailed_ListsTwentyAndCountsAll()
    {
        var report = new NoticeReport(475, 500, Names("成员", 25), [], []);

        var text = Replies.NoticeReport(report);

        Assert.StartsWith("通知发送完成：已送达 475/500，25 人发送失败。\n发送失败：成员1、成员2、", text, StringComparison.Ordinal);
        Assert.Contains("成员20 等 25 人", text, StringComparison.Ordinal);
        Assert.DoesNotContain("成员21", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NoticeReport_GroupPosts_OneLineEachInOrder()
    {
        var report = new NoticeReport(1, 1, [], [], [new GroupPost("dingtalk", true), new GroupPost("wecom", false)]);

        Assert.Equal("通知发送完成：已送达 1/1。\n已同步发布到钉钉群。\n发布到企业微信群失败，请另行转发。", Replies.NoticeReport(report));
    }

    private static string[] Names(string prefix, int count) => Enumerable.Range(1, count).Select(i => prefix + i).ToArray();
}
