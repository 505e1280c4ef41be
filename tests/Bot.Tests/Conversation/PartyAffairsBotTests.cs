using PartyAffairs.Bot.Conversation;
using PartyAffairs.Bot.State;
using PartyAffairs.Bot.Tests.State;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>The conversation logic through the turn abstraction, run against both stores by the derived classes.</summary>
public abstract class PartyAffairsBotTests(IConnectionMultiplexer connection)
{
    private readonly BotHarness _h = new(connection);

    [Fact]
    public async Task Question_Unbound_RelaysKnowledgeAnswerWithoutRole()
    {
        var reply = await _h.SayOneAsync("游客", "党费多久交一次");

        Assert.Equal("答复：党费多久交一次（依据：测试文件 一.1）", reply.Text);
        Assert.Equal(("党费多久交一次", (string?)null), Assert.Single(_h.Knowledge.Questions));
        Assert.Contains(ReplyMessage.Buttons(reply), a => a.Title == "帮助" && a.Type == ActionTypes.MessageBack);
    }

    [Fact]
    public async Task Question_BoundMember_AsksWithMemberRole()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"));
        await _h.BindAllAsync(codes, "王书记");

        await _h.SayAsync("王书记", "支委会多久开一次");

        Assert.Equal(("支委会多久开一次", "党支部书记"), Assert.Single(_h.Knowledge.Questions));
    }

    [Fact]
    public async Task Reply_MultiLine_IsPlainTextSoClientsKeepLineBreaks()
    {
        var reply = await _h.SayOneAsync("游客", "帮助");

        Assert.Contains('\n', reply.Text!);
        Assert.Equal(TextFormatTypes.Plain, reply.TextFormat);
    }

    [Fact]
    public async Task Help_Unbound_ExplainsBindingOnly()
    {
        var reply = await _h.SayOneAsync("游客", "帮助");

        Assert.Contains("绑定", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("催办", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Secretary_ListsSecretaryCommands()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"));
        await _h.BindAllAsync(codes, "王书记");

        var reply = await _h.SayOneAsync("王书记", "帮助");

        Assert.Contains("催办", reply.Text, StringComparison.Ordinal);
        Assert.Contains(ReplyMessage.Buttons(reply), a => a.Title == "完成情况");
    }

    [Fact]
    public async Task Bind_ValidCodeInLowerCase_BindsAndStoresChannelAddress()
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));

        var reply = await _h.SayOneAsync("张三", "绑定 " + codes["张三"].ToLowerInvariant());

        Assert.Equal("绑定成功。张三同志，您已加入“机关第一党支部”，身份：党员。发送“我的待办”可查看本期事项。", reply.Text);
        var memberId = await _h.MemberIdAsync("张三");
        var address = await _h.Addresses.GetPreferredAsync(memberId, CancellationToken.None);
        Assert.Equal("conv-" + _h.User("张三"), address!.Conversation!.Id);
    }

    [Theory]
    [InlineData("绑定")]
    [InlineData("绑定 12345")]
    [InlineData("绑定 ZZZZZZ")]
    public async Task Bind_BadOrUnknownCode_PoliteReplyAndNothingBound(string text)
    {
        await _h.CreateBranchAsync(("张三", "党员"));

        var reply = await _h.SayOneAsync("张三", text);

        Assert.True(reply.Text!.Contains("邀请码", StringComparison.Ordinal));
        Assert.Null(await _h.Roster.GetBoundMemberIdAsync(BotHarness.Channel, _h.User("张三"), CancellationToken.None));
    }

    [Fact]
    public async Task Bind_CodeUsedByAnotherAccount_Refused()
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));
        await _h.BindAllAsync(codes, "张三");

        var reply = await _h.SayOneAsync("冒用者", "绑定 " + codes["张三"]);

        Assert.Equal("邀请码无效或已被使用，请核对后重试，或联系支部书记重新获取。", reply.Text);
    }

    [Theory]
    [InlineData("我的待办")]
    [InlineData("已交党费")]
    [InlineData("撤销")]
    [InlineData("完成情况")]
    public async Task MemberCommand_Unbound_AsksToBindAndWritesNothing(string text)
    {
        var reply = await _h.SayOneAsync("游客", text);

        Assert.Equal("您尚未绑定党员身份。请发送“绑定 邀请码”完成绑定（邀请码由支部书记提供）。", reply.Text);
        Assert.Empty(await _h.Ledger.GetForDutyAsync(_h.BranchId, "党费", "2026-11", CancellationToken.None));
    }

    [Fact]
    public async Task MyDuties_Member_ListsRoleDutiesOfCurrentPeriodsWithDueDates()
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));
        await _h.BindAllAsync(codes, "张三");

        var reply = await _h.SayOneAsync("张三", "这个月要做什么");

        Assert.Equal(
            "张三同志，本期事项：\n" +
            "· 交纳党费（2026-11）：未完成，截止 11月30日\n" +
            "· 参加主题党日（2026-11）：未完成，截止 11月30日\n" +
            "· 参加党课（2026-Q4）：未完成，截止 12月20日",
            reply.Text);
        Assert.Contains(ReplyMessage.Buttons(reply), a => a.Title == "完成 党费");
    }

    [Fact]
    public async Task MyDuties_Secretary_IncludesBranchDuty()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"));
        await _h.BindAllAsync(codes, "王书记");

        var reply = await _h.SayOneAsync("王书记", "我的待办");

        Assert.Contains("· 召开支部委员会（2026-11）：未完成，截止 11月30日", reply.Text, StringComparison.Ordinal);
        Assert.Contains("· 报送责任清单（2026）：未完成，已过截止日期 3月31日", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("已交党费")]
    [InlineData("我已经交了党费")]
    [InlineData("完成 党费")]
    [InlineData("已缴纳党费。")]
    public async Task Complete_DuesPhrases_RecordCurrentPeriodAndListRemaining(string text)
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));
        await _h.BindAllAsync(codes, "张三");

        var reply = await _h.SayOneAsync("张三", text);

        Assert.Equal(
            "已记录：交纳党费（2026-11）已完成。\n尚未完成：\n" +
            "· 参加主题党日（2026-11）：未完成，截止 11月30日\n" +
            "· 参加党课（2026-Q4）：未完成，截止 12月20日",
            reply.Text);
        var record = await _h.Ledger.GetAsync(_h.BranchId, await _h.MemberIdAsync("张三"), "党费", "2026-11", CancellationToken.None);
        Assert.Equal(CompletionStatus.Done, record!.Status);
        Assert.Equal(_h.Time.GetUtcNow(), record.RecordedAt);
    }

    [Fact]
    public async Task Complete_ThemedDay_ShownAsDoneInMyDuties()
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));
        await _h.BindAllAsync(codes, "张三");

        await _h.SayAsync("张三", "参加了主题党日");
        var reply = await _h.SayOneAsync("张三", "我的待办");

        Assert.Contains("· 参加主题党日（2026-11）：已完成", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_AllDuties_SaysAllDone()
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));
        await _h.BindAllAsync(codes, "张三");
        await _h.SayAsync("张三", "已交党费");
        await _h.SayAsync("张三", "参加了主题党日");

        var reply = await _h.SayOneAsync("张三", "完成 党课");

        Assert.Equal("已记录：参加党课（2026-Q4）已完成。\n本期事项已全部完成，谢谢！", reply.Text);
    }

    [Fact]
    public async Task Complete_SameActivityDeliveredTwice_RecordsOnceAndRepliesOnce()
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));
        await _h.BindAllAsync(codes, "张三");

        var first = await _h.SayAsync("张三", "已交党费", id: _h.BranchId + "-retry");
        var second = await _h.SayAsync("张三", "已交党费", id: _h.BranchId + "-retry");

        Assert.Single(first);
        Assert.Empty(second);
        Assert.Single(await _h.Ledger.GetForDutyAsync(_h.BranchId, "党费", "2026-11", CancellationToken.None));
    }

    [Fact]
    public async Task Complete_ParallelDuplicateConfirmations_OneRecordOneConfirmation()
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));
        await _h.BindAllAsync(codes, "张三");

        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _h.SayOneAsync("张三", "已交党费")));

        Assert.Single(replies, r => r.Text!.StartsWith("已记录", StringComparison.Ordinal));
        Assert.Equal(11, replies.Count(r => r.Text == "交纳党费（2026-11）此前已确认完成，无需重复确认。"));
        Assert.Single(await _h.Ledger.GetForDutyAsync(_h.BranchId, "党费", "2026-11", CancellationToken.None));
    }

    [Fact]
    public async Task Complete_UnknownDuty_PoliteReplyNothingWritten()
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));
        await _h.BindAllAsync(codes, "张三");

        var reply = await _h.SayOneAsync("张三", "完成 跑步");

        Assert.Equal("未找到该事项。发送“我的待办”可查看本期事项名称。", reply.Text);
    }

    [Fact]
    public async Task Complete_QuestionStartingWithVerb_GoesToKnowledgeBase()
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));
        await _h.BindAllAsync(codes, "张三");

        var reply = await _h.SayOneAsync("张三", "已经交了党费还需要做什么？");

        Assert.StartsWith("答复：", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await _h.Ledger.GetForDutyAsync(_h.BranchId, "党费", "2026-11", CancellationToken.None));
    }

    [Fact]
    public async Task Complete_BranchDutyByMember_NotApplicable()
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));
        await _h.BindAllAsync(codes, "张三");

        var reply = await _h.SayOneAsync("张三", "完成 支委会");

        Assert.Equal("该事项不在您的本期待办中。", reply.Text);
        Assert.Empty(await _h.Ledger.GetForDutyAsync(_h.BranchId, "支部委员会", "2026-11", CancellationToken.None));
    }

    [Fact]
    public async Task Complete_BranchDutyBySecretary_RecordedForBranch()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"));
        await _h.BindAllAsync(codes, "王书记");

        await _h.SayAsync("王书记", "完成 支委会");

        var records = await _h.Ledger.GetForDutyAsync(_h.BranchId, "支部委员会", "2026-11", CancellationToken.None);
        Assert.Equal([CompletionRecord.BranchSubject], records.Keys);
    }

    [Fact]
    public async Task Undo_AfterConfirmation_RemovesRecordOnce()
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));
        await _h.BindAllAsync(codes, "张三");
        await _h.SayAsync("张三", "已交党费");

        var undo = await _h.SayOneAsync("张三", "撤销");
        var again = await _h.SayOneAsync("张三", "撤销");

        Assert.Equal("已撤销：交纳党费（2026-11）的完成确认。", undo.Text);
        Assert.Equal("没有可以撤销的确认记录。", again.Text);
        Assert.Empty(await _h.Ledger.GetForDutyAsync(_h.BranchId, "党费", "2026-11", CancellationToken.None));
    }

    [Fact]
    public async Task Leave_Duty_RecordsLeaveAndStatusShowsIt()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await _h.BindAllAsync(codes, "王书记", "张三");

        var reply = await _h.SayOneAsync("张三", "请假 主题党日");
        var status = await _h.SayOneAsync("王书记", "完成情况 主题党日");
        await _h.SettleAsync();

        Assert.StartsWith("已登记请假：参加主题党日（2026-11）。", reply.Text, StringComparison.Ordinal);
        var told = Assert.Single(_h.Messenger.Sent);
        Assert.Equal("conv-" + _h.User("王书记"), told.Reference.Conversation!.Id);
        Assert.Equal("张三同志已登记请假：参加主题党日（2026-11）。", told.Activity.Text);
        Assert.Contains("请假：张三", status.Text, StringComparison.Ordinal);
        var record = await _h.Ledger.GetAsync(_h.BranchId, await _h.MemberIdAsync("张三"), "主题党日", "2026-11", CancellationToken.None);
        Assert.Equal(CompletionStatus.Leave, record!.Status);
    }

    [Theory]
    [InlineData("通知 周五开会", "抱歉，该功能仅限党支部书记、副书记使用。")]
    [InlineData("完成情况", "抱歉，完成情况仅限党支部书记、副书记、组织委员查看。")] // issue 9: the viewers are a setting, 组织委员 by default
    [InlineData("催办 党费", "抱歉，该功能仅限党支部书记、副书记使用。")]
    public async Task SecretaryCommand_OrdinaryMember_PolitelyRefused(string text, string expected)
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"), ("李四", "党员"));
        await _h.BindAllAsync(codes, "张三", "李四");

        var reply = await _h.SayOneAsync("张三", text);

        Assert.Equal(expected, reply.Text);
        await _h.SettleAsync();
        Assert.Empty(_h.Messenger.Sent);
    }

    [Fact]
    public async Task Confirm_OrdinaryMemberWithNothingPending_SaysNothingPending()
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));
        await _h.BindAllAsync(codes, "张三");

        var reply = await _h.SayOneAsync("张三", "确认");

        Assert.Equal("当前没有待确认的操作。", reply.Text);
    }

    [Fact]
    public async Task Notice_SecretaryDemotedBeforeConfirm_NotSent()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await _h.BindAllAsync(codes, "王书记", "张三");
        await _h.SayAsync("王书记", "通知 明天开会");

        await _h.Roster.ImportAsync(_h.BranchId, [new("王书记", "党员", null)], CancellationToken.None);
        var reply = await _h.SayOneAsync("王书记", "确认");

        Assert.Equal("抱歉，该功能仅限党支部书记、副书记使用。", reply.Text);
        await _h.SettleAsync();
        Assert.Empty(_h.Messenger.Sent);
    }

    [Fact]
    public async Task Notice_PreviewThenConfirm_SendsToOtherMembersAndReportsDelivery()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"), ("李四", "党员"), ("赵五", "预备党员"));
        await _h.BindAllAsync(codes, "王书记", "张三", "李四");

        var preview = await _h.SayOneAsync("王书记", "通知 本周五下午3点召开党员大会");
        await _h.SettleAsync();
        Assert.Empty(_h.Messenger.Sent);
        var sent = await _h.SayOneAsync("王书记", "确认");
        await _h.SettleAsync();

        Assert.Equal("通知预览：\n本周五下午3点召开党员大会\n\n将发送给本支部 3 人。回复“确认”发送，回复“取消”放弃（10 分钟内有效）。", preview.Text);
        Assert.Equal(["确认", "取消"], ReplyMessage.Buttons(preview).Select(a => a.Title));
        Assert.Equal("正在发送通知（共 3 人），完成后将告知送达情况。", sent.Text);
        Assert.Equal(["【机关第一党支部通知】本周五下午3点召开党员大会\n——王书记"], _h.SentTo("张三"));
        Assert.Equal(["【机关第一党支部通知】本周五下午3点召开党员大会\n——王书记"], _h.SentTo("李四"));
        Assert.Equal(["通知发送完成：已送达 2/3，1 人无法送达。\n无法送达（尚未绑定或未与助手对话）：赵五\n请另行通知以上同志。"], _h.SentTo("王书记"));
        Assert.Equal(3, _h.Messenger.Sent.Count);
    }

    [Fact]
    public async Task Notice_BroadcastHeldByRateLimits_TurnAnswersAtOnceAndTheReportFollows()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await _h.BindAllAsync(codes, "王书记", "张三");
        await _h.SayAsync("王书记", "通知 明天开会");
        _h.Messenger.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var sent = await _h.SayOneAsync("王书记", "确认").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("正在发送通知（共 1 人），完成后将告知送达情况。", sent.Text);
        Assert.Empty(_h.Messenger.Sent);
        _h.Messenger.Hold.SetResult();
        await _h.SettleAsync();
        Assert.Single(_h.SentTo("张三"));
        Assert.Equal(["通知发送完成：已送达 1/1。"], _h.SentTo("王书记"));
    }

    [Fact]
    public async Task Notice_BranchHasGroupRobot_PostedToTheGroupAndTheReportSaysSo()
    {
        var robot = new RecordingGroupRobot("dingtalk");
        _h.GroupRobots.Add(robot);
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await _h.BindAllAsync(codes, "王书记", "张三");

        await _h.SayAsync("王书记", "通知 本周五下午3点召开党员大会");
        var sent = await _h.SayOneAsync("王书记", "确认");
        await _h.SettleAsync();

        Assert.Equal("正在发送通知（共 1 人），完成后将告知送达情况。通知将同步发布到钉钉群。", sent.Text);
        Assert.Equal(("机关第一党支部通知", "本周五下午3点召开党员大会\n\n——王书记"), Assert.Single(robot.Posts));
        Assert.Equal(["通知发送完成：已送达 1/1。\n已同步发布到钉钉群。"], _h.SentTo("王书记"));
    }

    [Fact]
    public async Task Notice_GroupRobotRefuses_MembersStillReachedAndTheReportAsksToForward()
    {
        _h.GroupRobots.Add(new RecordingGroupRobot("dingtalk") { Fail = true });
        _h.GroupRobots.Add(new RecordingGroupRobot("wecom"));
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await _h.BindAllAsync(codes, "王书记", "张三");

        await _h.SayAsync("王书记", "通知 学习材料已上传");
        await _h.SayAsync("王书记", "确认");
        await _h.SettleAsync();

        // Only the DingTalk robot belongs to this branch (Channels:GroupNotices:Branches); the WeCom one posts nothing.
        Assert.Equal(["【机关第一党支部通知】学习材料已上传\n——王书记"], _h.SentTo("张三"));
        Assert.Equal(["通知发送完成：已送达 1/1。\n发布到钉钉群失败，请另行转发。"], _h.SentTo("王书记"));
        Assert.Empty(((RecordingGroupRobot)_h.GroupRobots[1]).Posts);
    }

    [Fact]
    public async Task Notice_ChannelRefusesOne_ReportsPartialDelivery()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"), ("李四", "党员"));
        await _h.BindAllAsync(codes, "王书记", "张三", "李四");
        _h.Messenger.Failing["conv-" + _h.User("李四")] = true;

        await _h.SayAsync("王书记", "通知 学习材料已上传");
        await _h.SayOneAsync("王书记", "确认");
        await _h.SettleAsync();

        Assert.Equal(["通知发送完成：已送达 1/2，1 人发送失败。\n发送失败：李四\n请另行通知以上同志。"], _h.SentTo("王书记"));
        Assert.Single(_h.SentTo("张三"));
    }

    [Fact]
    public async Task Notice_ConfirmAfterExpiry_NotSent()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await _h.BindAllAsync(codes, "王书记", "张三");

        await _h.SayAsync("王书记", "通知 明天开会");
        _h.Time.Advance(TimeSpan.FromMinutes(11));
        var reply = await _h.SayOneAsync("王书记", "确认");

        Assert.Equal("该操作已超时，未发送。如需发送，请重新发起。", reply.Text);
        await _h.SettleAsync();
        Assert.Empty(_h.Messenger.Sent);
    }

    [Fact]
    public async Task Notice_Cancel_NotSentAndConfirmFindsNothing()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await _h.BindAllAsync(codes, "王书记", "张三");

        await _h.SayAsync("王书记", "通知 明天开会");
        var cancel = await _h.SayOneAsync("王书记", "取消");
        var confirm = await _h.SayOneAsync("王书记", "确认");

        Assert.Equal("已取消，未发送。", cancel.Text);
        Assert.Equal("当前没有待确认的操作。", confirm.Text);
        await _h.SettleAsync();
        Assert.Empty(_h.Messenger.Sent);
    }

    [Fact]
    public async Task Notice_ConcurrentConfirmations_SentOnce()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"));
        await _h.BindAllAsync(codes, "王书记", "张三");
        await _h.SayAsync("王书记", "通知 明天开会");

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _h.SayOneAsync("王书记", "确认")));
        await _h.SettleAsync();

        Assert.Single(replies, r => r.Text!.StartsWith("正在发送通知", StringComparison.Ordinal));
        Assert.Single(_h.SentTo("张三"));
        Assert.Equal(["通知发送完成：已送达 1/1。"], _h.SentTo("王书记"));
    }

    [Fact]
    public async Task Status_Secretary_ShowsCountsAndWhoHasNotWithoutRanking()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"), ("李四", "党员"));
        await _h.BindAllAsync(codes, "王书记", "张三", "李四");
        await _h.SayAsync("张三", "已交党费");

        var summary = await _h.SayOneAsync("王书记", "完成情况");
        var detail = await _h.SayOneAsync("王书记", "完成情况 党费");

        Assert.Contains("· 交纳党费（2026-11）：1/3 已完成", summary.Text, StringComparison.Ordinal);
        Assert.Contains("· 召开支部委员会（2026-11）：未完成（支部事项）", summary.Text, StringComparison.Ordinal);
        Assert.Equal("交纳党费（2026-11，截止 11月30日）：1/3 已完成。\n尚未完成：王书记、李四", detail.Text);
    }

    [Fact]
    public async Task Nudge_Duty_SendsOnlyToThoseNotDone()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"), ("李四", "党员"), ("赵五", "党员"));
        await _h.BindAllAsync(codes, "王书记", "张三", "李四", "赵五");
        await _h.SayAsync("王书记", "已交党费");
        await _h.SayAsync("张三", "已交党费");
        await _h.SayAsync("赵五", "请假 党费");
        await _h.SettleAsync();
        _h.Messenger.Sent.Clear();

        var reply = await _h.SayOneAsync("王书记", "催办 党费");
        await _h.SettleAsync();

        Assert.Equal("正在催办“交纳党费”（共 1 人），完成后将告知送达情况。", reply.Text);
        Assert.Equal(["温馨提醒：请于 11月30日 前完成“交纳党费”。完成后请回复“完成 党费”。如已完成，请忽略本提醒。"], _h.SentTo("李四"));
        Assert.Equal(["催办“交纳党费”完成：已送达 1/1。"], _h.SentTo("王书记"));
        Assert.Equal(2, _h.Messenger.Sent.Count);
    }

    [Fact]
    public async Task Nudge_EveryoneDone_SendsNothing()
    {
        var codes = await _h.CreateBranchAsync(("王书记", "党支部书记"));
        await _h.BindAllAsync(codes, "王书记");
        await _h.SayAsync("王书记", "已交党费");

        var reply = await _h.SayOneAsync("王书记", "催办 党费");

        Assert.Equal("交纳党费（2026-11）全部同志均已完成或请假，无需催办。", reply.Text);
        await _h.SettleAsync();
        Assert.Empty(_h.Messenger.Sent);
    }

    [Fact]
    public async Task Text_Over2000Characters_PoliteReplyAndNothingWritten()
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));

        var reply = await _h.SayOneAsync("张三", "绑定 " + codes["张三"] + new string('很', 2000));

        Assert.Equal("消息过长（超过 2000 字），请精简后重新发送。", reply.Text);
        Assert.Null(await _h.Roster.GetBoundMemberIdAsync(BotHarness.Channel, _h.User("张三"), CancellationToken.None));
        Assert.Empty(_h.Knowledge.Questions);
    }

    [Fact]
    public async Task ConversationUpdate_MemberAdded_Welcomes()
    {
        var activity = _h.Message("游客", "");
        activity.Type = ActivityTypes.ConversationUpdate;
        activity.Text = null;
        activity.MembersAdded = [activity.From!];

        var replies = await _h.Adapter.ProcessAsync(_h.Bot, activity);

        Assert.StartsWith("您好，我是党务提醒助手", Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turn_BoundMemberOnNewChannel_AddressOfLastChannelUsed()
    {
        var codes = await _h.CreateBranchAsync(("张三", "党员"));
        await _h.BindAllAsync(codes, "张三");
        var memberId = await _h.MemberIdAsync("张三");

        var later = _h.Message("张三", "我的待办");
        later.Conversation = new ConversationAccount { Id = "conv-new" };
        await _h.Adapter.ProcessAsync(_h.Bot, later);

        Assert.Equal("conv-new", (await _h.Addresses.GetPreferredAsync(memberId, CancellationToken.None))!.Conversation!.Id);
    }
}

/// <summary>The conversation tests against a real redis-server.</summary>
public sealed class PartyAffairsBotOnRedisTests(RedisServerFixture fixture) : PartyAffairsBotTests(fixture.Connection), IClassFixture<RedisServerFixture>;

/// <summary>The conversation tests against the embedded Garnet.</summary>
public sealed class PartyAffairsBotOnGarnetTests(GarnetServerFixture fixture) : PartyAffairsBotTests(fixture.Connection), IClassFixture<GarnetServerFixture>;
