using PartyAffairs.Bot.Conversation;

namespace PartyAffairs.Bot.Tests.Conversation;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("帮助", "Help", "")]
    [InlineData("  ", "Help", "")]
    [InlineData("绑定 8F3K2Q", "Bind", "8F3K2Q")]
    [InlineData("绑定8f3k2q", "Bind", "8f3k2q")]
    [InlineData("绑定：8F3K2Q", "Bind", "8F3K2Q")]
    [InlineData("我的待办", "MyDuties", "")]
    [InlineData("这个月要做什么", "MyDuties", "")]
    [InlineData("这个月要做什么？", "MyDuties", "")]
    [InlineData("已交党费", "Complete", "交党费")]
    [InlineData("我已经交了党费。", "Complete", "交了党费")]
    [InlineData("参加了主题党日", "Complete", "主题党日")]
    [InlineData("完成 党课", "Complete", "党课")]
    [InlineData("完成情况", "Status", "")]
    [InlineData("完成情况 党费", "Status", "党费")]
    [InlineData("请假 主题党日", "Leave", "主题党日")]
    [InlineData("撤销", "Undo", "")]
    [InlineData("通知 周五开会，请准时参加！", "Notice", "周五开会，请准时参加")]
    [InlineData("通知", "Notice", "")]
    [InlineData("确认", "Confirm", "")]
    [InlineData("取消", "Cancel", "")]
    [InlineData("催办 党费", "Nudge", "党费")]
    [InlineData("党费多久交一次", "Question", "党费多久交一次")]
    [InlineData("已经交了党费还要做什么？", "Question", "已经交了党费还要做什么？")]
    public void Parse_Text_KindAndArgument(string text, string kind, string argument)
    {
        var command = CommandParser.Parse(text);

        Assert.Equal(Enum.Parse<CommandKind>(kind), command.Kind);
        Assert.Equal(argument, command.Argument);
    }

    [Fact]
    public void DutyCandidates_VerbPhrase_StripsLeadingVerbsStepByStep()
    {
        Assert.Equal(["交了党费", "党费"], CommandParser.DutyCandidates("交了党费"));
        Assert.Equal(["缴纳党费", "党费"], CommandParser.DutyCandidates("缴纳党费"));
    }
}
