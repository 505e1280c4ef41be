using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Bot.Tests.Conversation.Understanding;

public sealed class IntentRecognizerTests
{
    private static readonly IntentContext Member = new() { Today = new DateOnly(2026, 12, 9), IsBound = true, Role = "党员" };

    private static IntentResult Recognize(string text, IntentContext? context = null) => IntentRecognizer.Default.Recognize(text, context ?? Member);

    [Theory]
    [InlineData("通知 周五开会，请准时参加！", "周五开会，请准时参加！")]
    [InlineData("通知：本月党费请于20日前交齐。", "本月党费请于20日前交齐。")]
    [InlineData("通知 Line one\nline two.", "Line one\nline two.")]
    public void Recognize_Notice_KeepsTheTextExactlyAsWritten(string text, string body)
    {
        var result = Recognize(text);

        Assert.Equal(IntentKind.Notice, result.Kind);
        Assert.Equal(body, result.Argument);
    }

    [Theory]
    [InlineData("通知", IntentKind.Notice)]
    [InlineData("完成情况", IntentKind.Status)]
    [InlineData("催办 党费", IntentKind.Nudge)]
    [InlineData("设置主题党日 每月第一个周五 15:00", IntentKind.Settings)]
    [InlineData("查看提醒计划", IntentKind.ShowPlan)]
    [InlineData("导出台账", IntentKind.ExportLedger)]
    [InlineData("管理台", IntentKind.Console)]
    [InlineData("张三的邀请码", IntentKind.InviteCode)]
    [InlineData("设置党费 张三 在职 8000", IntentKind.DuesProfile)]
    [InlineData("记录 党员大会 12月3日", IntentKind.Record)]
    public void Recognize_SecretaryCommand_RecognisedWhateverTheRole(string text, IntentKind kind)
    {
        foreach (var role in new[] { "党员", "预备党员", "党支部书记", "副书记" })
        {
            Assert.Equal(kind, Recognize(text, Member with { Role = role }).Kind);
        }

        Assert.Equal(kind, Recognize(text, Member with { IsBound = false, Role = null }).Kind);
    }

    [Theory]
    [InlineData("好的", true, IntentKind.Confirm)]
    [InlineData("好的", false, IntentKind.Thanks)]
    [InlineData("发送", true, IntentKind.Confirm)]
    [InlineData("确认", false, IntentKind.Confirm)]
    [InlineData("算了", true, IntentKind.Cancel)]
    public void Recognize_Reply_DependsOnThePendingStep(string text, bool pending, IntentKind kind)
    {
        Assert.Equal(kind, Recognize(text, Member with { HasPendingStep = pending }).Kind);
    }

    [Fact]
    public void Recognize_SettingsCommand_ArgumentIsTheWholeCommandForTheSettingsParser()
    {
        var result = Recognize(" 设置主题党日 每月第一个周五 15:00 三楼会议室 ");

        Assert.Equal(IntentKind.Settings, result.Kind);
        Assert.Equal("设置主题党日 每月第一个周五 15:00 三楼会议室", result.Argument);
        Assert.True(PartyAffairs.Bot.Reminders.SettingsCommandParser.IsSettingsCommand(result.Argument));
    }

    [Theory]
    [InlineData("ABC234", false, IntentKind.Bind)]
    [InlineData("abc234", true, IntentKind.Bind)]
    [InlineData("ABCDEF", false, IntentKind.Bind)]
    [InlineData("ABCDEF", true, IntentKind.Question)]
    public void Recognize_BareCode_BindsWhenUnboundOrWhenItLooksLikeACode(string text, bool bound, IntentKind kind)
    {
        Assert.Equal(kind, Recognize(text, Member with { IsBound = bound }).Kind);
    }

    [Fact]
    public void Recognize_BindWithoutAValidCode_IsBindWithNoCode()
    {
        var result = Recognize("绑定 12345", Member with { IsBound = false });

        Assert.Equal(IntentKind.Bind, result.Kind);
        Assert.Null(result.Entities.Code);
    }

    [Fact]
    public void Recognize_Button_CarriesTheExactPeriodAndFlag()
    {
        var result = Recognize("请假 主题党日 2026-11");

        Assert.Equal(IntentKind.Leave, result.Kind);
        Assert.True(result.Entities.FromButton);
        Assert.Equal("2026-11", result.Entities.Period?.Key);
        Assert.Equal(1.0, result.Confidence);
    }

    [Fact]
    public void Recognize_UnclearCompletion_ClarifiesWithCandidatesForTheRole()
    {
        var member = Recognize("开完了");
        var secretary = Recognize("开完了", Member with { Role = "党支部书记" });

        Assert.Equal(IntentKind.Clarify, member.Kind);
        Assert.True(member.NeedsClarification);
        Assert.DoesNotContain(member.Candidates, c => c.Duty == "支部委员会");
        Assert.Contains(member.Candidates, c => c.Duty == "党小组会");
        Assert.Equal("支部委员会", secretary.Candidates[0].Duty);
        Assert.All(secretary.Candidates, c => Assert.Equal(IntentKind.Complete, c.Kind));
    }

    [Fact]
    public void Recognize_LeaveWithoutDuty_ClarifiesWithLeaveCandidates()
    {
        var result = Recognize("我想请个假，出差");

        Assert.Equal(IntentKind.Clarify, result.Kind);
        Assert.Equal("出差", result.Entities.Reason);
        Assert.NotEmpty(result.Candidates);
        Assert.All(result.Candidates, c => Assert.Equal(IntentKind.Leave, c.Kind));
    }

    [Theory]
    [InlineData("我还没交党费")]
    [InlineData("党费交了吗")]
    [InlineData("党费怎么交")]
    [InlineData("没参加党小组会怎么办")]
    [InlineData("请假怎么办？")]
    [InlineData("👍 已交党费？")]
    public void Recognize_NegationOrQuestion_IsNeverACompletion(string text)
    {
        var result = Recognize(text);

        Assert.Equal(IntentKind.Question, result.Kind);
        Assert.Equal(text, result.Argument);
    }

    [Fact]
    public void Recognize_GreetingBeforeAQuestion_AnswersTheQuestion()
    {
        var result = Recognize("您好，党费多久交一次");

        Assert.Equal(IntentKind.Question, result.Kind);
        Assert.Equal("党费多久交一次", result.Argument);
    }

    [Fact]
    public void Recognize_CompletionOnTheFirstOfAMonth_YesterdayIsLastMonthsPeriod()
    {
        var result = Recognize("昨天参加了党小组会", Member with { Today = new DateOnly(2027, 1, 1) });

        Assert.Equal(IntentKind.Complete, result.Kind);
        Assert.Equal(new DateOnly(2026, 12, 31), result.Entities.Date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("🙂🙂🙂")]
    [InlineData("\u0000\u200b")]
    [InlineData("？？？？")]
    [InlineData("记录")]
    [InlineData("记录 主题： 缺席：（）")]
    [InlineData("设置党费")]
    [InlineData("已完成 未知事项 2026-13")]
    public void Recognize_OddInput_NeverThrows(string? text)
    {
        var result = Recognize(text!);

        Assert.True(Enum.IsDefined(result.Kind));
        Assert.InRange(result.Confidence, 0, 1);
    }

    [Fact]
    public void Recognize_LongMessage_NeverThrows()
    {
        var text = string.Concat(Enumerable.Repeat("党费交了，主题党日12月3日参加了。", 120));

        Assert.Equal(IntentKind.Complete, Recognize(text).Kind);
    }

    [Fact]
    public void Lexicon_EveryDutyKind_IsATrackedKindOfTheScheduler()
    {
        Assert.All(IntentLexicon.Default.DutyKinds, kind => Assert.NotNull(DutyKindProfiles.Find(kind)));
    }

    [Fact]
    public void Lexicon_UnknownCandidateDuty_IsRefusedAtLoad()
    {
        using var json = new MemoryStream("""{"duties":[{"kind":"党费","names":["党费"]}],"verbCandidates":{"交":["党费","不存在"]}}"""u8.ToArray());

        var error = Assert.Throws<InvalidDataException>(() => IntentLexicon.Load(json));
        Assert.Contains("不存在", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lexicon_NotJson_IsRefusedAtLoad()
    {
        using var json = new MemoryStream("{ not json"u8.ToArray());

        Assert.Throws<InvalidDataException>(() => IntentLexicon.Load(json));
    }

    [Fact]
    public void Lexicon_OperatorCopy_ExtendsRecognitionWithoutCode()
    {
        using var json = new MemoryStream("""
            {"duties":[{"kind":"党费","names":["党费","会费"]}],"verbs":["交"],"completion":{"suffixes":["了"]},"greetings":["同志你好"]}
            """u8.ToArray());
        var recognizer = new IntentRecognizer(IntentLexicon.Load(json));

        Assert.Equal(IntentKind.Greeting, recognizer.Recognize("同志你好", Member).Kind);
        var paid = recognizer.Recognize("会费交了", Member);
        Assert.Equal(IntentKind.Complete, paid.Kind);
        Assert.Equal(["党费"], paid.Entities.Duties);
    }

    [Theory]
    [InlineData("收到通知 12", 12)]
    [InlineData("收到通知#7", 7)]
    public void Recognize_NoticeButton_AcknowledgesThatNotice(string text, long number)
    {
        var result = Recognize(text);

        Assert.Equal(IntentKind.AcknowledgeNotice, result.Kind);
        Assert.Equal(number, result.Entities.NoticeNumber);
    }

    [Theory]
    [InlineData("收到", true)]
    [InlineData("收到了", true)]
    [InlineData("已收到", true)]
    [InlineData("好的收到", true)]
    [InlineData("谢谢", false)]
    [InlineData("好的", false)]
    public void Recognize_PlainAcknowledgement_ThanksMarkedAsPossiblyAcknowledgingANotice(string text, bool acknowledges)
    {
        var result = Recognize(text);

        Assert.Equal(IntentKind.Thanks, result.Kind);
        Assert.Equal(acknowledges, result.Entities.AcknowledgesNotice);
    }

    [Theory]
    [InlineData("通知确认情况", 1)]
    [InlineData("通知确认情况 2", 2)]
    [InlineData("谁收到通知了", 1)]
    [InlineData("通知谁还没确认", 1)]
    public void Recognize_NoticeStatus_NotReadAsANoticeToSend(string text, int position)
    {
        var result = Recognize(text);

        Assert.Equal(IntentKind.NoticeStatus, result.Kind);
        Assert.Equal(position, result.Entities.Position);
    }

    [Fact]
    public void Recognize_LongNoticeMentioningConfirmation_StillANotice()
    {
        var result = Recognize("通知 请各位同志确认情况后回复参会人数，谁还没确认的请尽快");

        Assert.Equal(IntentKind.Notice, result.Kind);
    }
}
