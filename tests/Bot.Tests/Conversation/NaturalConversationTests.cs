using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PartyAffairs.Bot.Conversation;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Settings;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>
/// Members' own words through the real pipeline (intent layer, command table, the one authorization point) over a real
/// redis-server: natural completions and the period a date falls in, leave with a reason, clarification buttons, negations
/// and questions, greetings and typos, branch-aware answers from the branch's real settings, and the refusals of forged
/// branch records and out-of-window periods (each changes nothing).
/// </summary>
public sealed class NaturalConversationTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    private static readonly TrackedDuty GroupMeeting = new() { Kind = "党小组会", Title = "参加党小组会", Period = "P1M", Aliases = ["党小组会"] };

    private static readonly TrackedDuty GeneralMeeting = new()
    {
        Kind = "党员大会", Title = "召开党员大会", Period = "P3M", Audience = DutyAudience.Branch, Aliases = ["党员大会", "支部党员大会"],
    };

    private static readonly TrackedDuty LifeMeeting = new()
    {
        Kind = "组织生活会", Title = "召开组织生活会", Period = "P1Y", Audience = DutyAudience.Branch, Roles = TestDutyCatalog.Officers, Aliases = ["组织生活会"],
    };

    private static readonly TrackedDuty Appraisal = new()
    {
        Kind = "民主评议党员", Title = "开展民主评议党员", Period = "P1Y", Audience = DutyAudience.Branch, Roles = TestDutyCatalog.Officers, Aliases = ["民主评议党员"],
    };

    /// <summary>2026-12-09 10:00 in Shanghai, a Wednesday.</summary>
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 9, 2, 0, 0, TimeSpan.Zero);

    private const string SecretaryOnlyBranch = "是支部事项，由党支部书记、副书记确认完成";

    /// <summary>A harness at <paramref name="at"/> (default <see cref="Wednesday"/>; the harness starts at 2026-11-23 10:00 and only moves forward).</summary>
    private BotHarness Harness(Action<IServiceCollection>? configure = null, DateTimeOffset? at = null)
    {
        var h = new BotHarness(fixture.Connection, null, NullLogger<NoticeRounds>.Instance, services =>
        {
            services.AddSingleton<IBranchSettingsStore>(new RedisBranchSettingsStore(fixture.Connection));
            services.AddSingleton(WorkingCalendar.LoadDefault());
            configure?.Invoke(services);
        }, GroupMeeting, GeneralMeeting, LifeMeeting, Appraisal);
        if ((at ?? Wednesday) > h.Time.GetUtcNow())
        {
            h.Time.SetUtcNow(at ?? Wednesday);
        }

        return h;
    }

    private static async Task<BotHarness> BranchAsync(BotHarness h)
    {
        var codes = await h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"), ("李四", "党员"));
        await h.BindAllAsync(codes, "王书记", "张三", "李四");
        return h;
    }

    private static Task SetThemedDayAsync(BotHarness h) =>
        h.Services.GetRequiredService<IBranchSettingsStore>().SaveAsync(h.BranchId, new BranchReminderSettings
        {
            ThemedDay = new ThemedDayRule { Kind = ThemedDayRuleKind.NthWeekday, Ordinal = 1, Weekday = DayOfWeek.Friday, Time = new TimeOnly(15, 0), Place = "三楼会议室" },
            DuesDays = [1, 20],
        }, CancellationToken.None);

    private async Task<CompletionRecord?> RecordAsync(BotHarness h, string user, string kind, string period) =>
        await h.Ledger.GetAsync(h.BranchId, user == CompletionRecord.BranchSubject ? user : await h.MemberIdAsync(user), kind, period, CancellationToken.None);

    [Theory]
    [InlineData("张三", "我交了党费", "党费", "2026-12", "交纳党费")]
    [InlineData("张三", "党费交了", "党费", "2026-12", "交纳党费")]
    [InlineData("张三", "👍 已交党费", "党费", "2026-12", "交纳党费")]
    [InlineData("张三", "今天参加了党小组会", "党小组会", "2026-12", "参加党小组会")]
    [InlineData("张三", "11月28日参加了主题党日", "主题党日", "2026-11", "参加主题党日")]
    [InlineData("张三", "上个月的党小组会参加了", "党小组会", "2026-11", "参加党小组会")]
    [InlineData("王书记", "昨天开完了支委会", "支部委员会", "2026-12", "召开支部委员会")]
    [InlineData("王书记", "12月3日参加了党员大会", "党员大会", "2026-Q4", "召开党员大会")]
    public async Task Complete_OwnWords_RecordsThePeriodTheDateFallsIn(string user, string text, string kind, string period, string title)
    {
        var h = await BranchAsync(Harness());

        var reply = await h.SayOneAsync(user, text);

        Assert.StartsWith($"已记录：{title}（{period}）", reply.Text, StringComparison.Ordinal);
        var subject = kind is "支部委员会" or "党员大会" ? CompletionRecord.BranchSubject : user;
        Assert.Equal(CompletionStatus.Done, (await RecordAsync(h, subject, kind, period))?.Status);
        Assert.Empty(h.Knowledge.Questions);
    }

    [Fact]
    public async Task Leave_OwnWordsWithReason_RecordedAndSecretaryToldTheReasonOnce()
    {
        var h = await BranchAsync(Harness());

        var reply = await h.SayOneAsync("张三", "这个月主题党日我出差，请个假");
        await h.SettleAsync();
        var again = await h.SayOneAsync("张三", "请假 主题党日");
        var undone = await h.SayOneAsync("张三", "撤销");
        var third = await h.SayOneAsync("张三", "这个月主题党日我出差，请个假");
        await h.SettleAsync();

        Assert.Equal("已登记请假：参加主题党日（2026-12），事由：出差。已告知支部书记。", reply.Text!.Split('\n')[0]);
        Assert.Equal("参加主题党日（2026-12）此前已登记请假，无需重复登记。", again.Text);
        Assert.StartsWith("已撤销", undone.Text, StringComparison.Ordinal);
        Assert.StartsWith("已登记请假：参加主题党日（2026-12）", third.Text, StringComparison.Ordinal);
        Assert.Equal(["张三同志已登记请假：参加主题党日（2026-12），事由：出差。"], h.SentTo("王书记"));
        Assert.Equal(CompletionStatus.Leave, (await RecordAsync(h, "张三", "主题党日", "2026-12"))?.Status);
    }

    [Fact]
    public async Task Clarify_BareCompletion_AsksBackWithButtonsAndTheButtonRecords()
    {
        var h = await BranchAsync(Harness());

        var ask = await h.SayOneAsync("张三", "交了");

        Assert.Equal("您是想确认已交纳党费吗？", ask.Text);
        var buttons = ReplyMessage.Buttons(ask);
        Assert.Equal(["是，已交纳党费", "不是"], buttons.Select(b => b.Title));
        Assert.Equal("已完成 党费 2026-12", buttons[0].Text);
        Assert.Equal("是，已交纳党费", buttons[0].DisplayText);
        Assert.Null(await RecordAsync(h, "张三", "党费", "2026-12"));
        Assert.Empty(h.Knowledge.Questions);

        var clicked = await h.SayOneAsync("张三", buttons[0].Text!);

        Assert.StartsWith("已记录：交纳党费（2026-12）已完成", clicked.Text, StringComparison.Ordinal);
        Assert.Equal(CompletionStatus.Done, (await RecordAsync(h, "张三", "党费", "2026-12"))?.Status);
    }

    [Fact]
    public async Task Clarify_MeetingWithoutItsName_OffersTheMeetingsOfTheMembersRoleForYesterdaysPeriod()
    {
        var h = await BranchAsync(Harness());

        var ask = await h.SayOneAsync("张三", "昨天的会我参加了");

        var buttons = ReplyMessage.Buttons(ask);
        Assert.Equal("您是想确认哪一项？", ask.Text);
        Assert.Contains(buttons, b => b.Text == "已完成 党小组会 2026-12");
        Assert.DoesNotContain(buttons, b => b.Text!.Contains("支部委员会", StringComparison.Ordinal));
        Assert.Equal("不是", buttons[^1].Title);
        Assert.Empty(await h.Ledger.GetForDutyAsync(h.BranchId, "党小组会", "2026-12", CancellationToken.None));
    }

    [Theory]
    [InlineData("我还没交党费")]
    [InlineData("党费交了吗")]
    [InlineData("没参加党小组会怎么办")]
    [InlineData("请假怎么办？")]
    [InlineData("忘了交党费")]
    public async Task NegationOrQuestion_NeverACompletion_GoesToTheKnowledgeBase(string text)
    {
        var h = await BranchAsync(Harness());

        var reply = await h.SayOneAsync("张三", text);

        Assert.StartsWith("答复：", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await h.Ledger.GetForDutyAsync(h.BranchId, "党费", "2026-12", CancellationToken.None));
        Assert.Empty(await h.Ledger.GetForDutyAsync(h.BranchId, "党小组会", "2026-12", CancellationToken.None));
    }

    [Fact]
    public async Task SmallTalk_GreetingTyposThanksBye_AnsweredPolitelyNotAsQuestions()
    {
        var h = await BranchAsync(Harness());

        var hello = await h.SayOneAsync("张三", "你好");
        var strangerHello = await h.SayOneAsync("游客", "您好");
        var duties = await h.SayOneAsync("张三", "我的代办");
        var thanks = await h.SayOneAsync("张三", "谢谢");
        var bye = await h.SayOneAsync("张三", "再见");

        Assert.StartsWith("张三同志，您好！", hello.Text, StringComparison.Ordinal);
        Assert.Contains(ReplyMessage.Buttons(hello), b => b.Title == "我的待办");
        Assert.StartsWith("您好，我是党务提醒助手", strangerHello.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ReplyMessage.Buttons(strangerHello), b => b.Title == "我的待办");
        Assert.StartsWith("张三同志，本期事项：", duties.Text, StringComparison.Ordinal);
        Assert.Equal(Replies.Thanks, thanks.Text);
        Assert.Equal(Replies.Bye, bye.Text);
        Assert.Empty(h.Knowledge.Questions);
    }

    [Fact]
    public async Task BranchSchedule_ThemedDayAndDues_AnsweredFromTheBranchsSettingsWithTheRuleSecond()
    {
        var h = await BranchAsync(Harness(at: new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero)));
        await SetThemedDayAsync(h);

        var themed = await h.SayOneAsync("张三", "主题党日是哪天");
        var dues = await h.SayOneAsync("张三", "党费每月什么时候交");
        await h.SayOneAsync("张三", "我交了党费");
        var duesPaid = await h.SayOneAsync("张三", "党费每月什么时候交");
        var duties = await h.SayOneAsync("张三", "我的待办");
        var stranger = await h.SayOneAsync("游客", "下次主题党日是什么时候");

        var lines = themed.Text!.Split('\n');
        Assert.Equal("本支部主题党日：每月第一个星期五 15:00，三楼会议室；下次：12月4日（星期五）。", lines[0]);
        Assert.StartsWith("依据：答复：主题党日是哪天", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("本支部每月1日提醒交纳党费，20日提醒未交者；您本月尚未交纳。", dues.Text, StringComparison.Ordinal);
        Assert.StartsWith("本支部每月1日提醒交纳党费，20日提醒未交者；您本月已交。", duesPaid.Text, StringComparison.Ordinal);
        Assert.Contains("· 参加主题党日（2026-11）：未完成，截止 11月30日，11月6日（星期五）15:00，三楼会议室", duties.Text, StringComparison.Ordinal);
        Assert.StartsWith("答复：下次主题党日是什么时候", stranger.Text, StringComparison.Ordinal);
        Assert.Contains(Replies.BindHint, stranger.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BranchSchedule_NextThemedDayOnAProvisionalHoliday_NamesItAndTheNearestWorkingDays()
    {
        var h = await BranchAsync(Harness());
        await SetThemedDayAsync(h);
        h.Time.SetUtcNow(new DateTimeOffset(2026, 12, 28, 2, 0, 0, TimeSpan.Zero));
        var calendar = h.Services.GetRequiredService<WorkingCalendar>();
        var (before, after) = calendar.NearestWorkingDays(new DateOnly(2027, 1, 1));

        var reply = await h.SayOneAsync("张三", "下次主题党日是什么时候");

        var first = reply.Text!.Split('\n')[0];
        Assert.StartsWith("本支部主题党日：每月第一个星期五 15:00，三楼会议室；下次：1月1日（星期五）。该日为元旦假期", first, StringComparison.Ordinal);
        Assert.Contains($"最近的工作日为{before.Month}月{before.Day}日", first, StringComparison.Ordinal);
        Assert.Contains($"{after.Month}月{after.Day}日", first, StringComparison.Ordinal);
        Assert.Equal(calendar.IsProvisional(2027), first.Contains("2027年节假日安排尚未公布", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BranchSchedule_MeetingWithoutAFixedDay_ThePeriodsDeadlineAndTheMembersStatus()
    {
        var h = await BranchAsync(Harness());

        var reply = await h.SayOneAsync("张三", "党小组会什么时候开");

        Assert.StartsWith("本支部参加党小组会：本期（2026-12）内进行，截止 12月31日，具体时间以支部通知为准；您本期尚未完成。", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyProgress_CountedAndOpenDuties_SaysWhatIsMissing()
    {
        var h = await BranchAsync(Harness());
        await h.SayOneAsync("张三", "我交了党费");

        var reply = await h.SayOneAsync("张三", "我还差几次");
        var paidThrough = await h.SayOneAsync("张三", "我党费交到几月了");

        Assert.StartsWith("张三同志，您本期的进度：", reply.Text, StringComparison.Ordinal);
        Assert.Contains("· 交纳党费（2026-12）：已完成", reply.Text, StringComparison.Ordinal);
        Assert.Contains("项未完成", reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("您的党费已交至 2026-12。", paidThrough.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("张三", "已完成 组织生活会、民主评议党员 2026", "组织生活会", "2026")]
    [InlineData("张三", "已完成 党员大会 2026-Q4", "党员大会", "2026-Q4")]
    [InlineData("张三", "12月3日参加了党员大会", "党员大会", "2026-Q4")]
    [InlineData("张三", "已完成 党费 2031-05", "党费", "2031-05")]
    [InlineData("张三", "请假 党费 2040-01", "党费", "2040-01")]
    [InlineData("张三", "已完成 党费 2026-10", "党费", "2026-10")]
    [InlineData("张三", "10月15日参加了主题党日", "主题党日", "2026-10")]
    [InlineData("王书记", "已完成 党员大会 2027-Q1", "党员大会", "2027-Q1")]
    [InlineData("王书记", "已完成 党费 2026", "党费", "2026")]
    public async Task Authorization_ForgedOrOutOfWindow_RefusedWithAReasonAndNothingChanges(string user, string text, string kind, string period)
    {
        var h = await BranchAsync(Harness());

        var reply = await h.SayOneAsync(user, text);
        await h.SettleAsync();

        Assert.False(reply.Text!.StartsWith("已记录", StringComparison.Ordinal), reply.Text);
        Assert.False(reply.Text.StartsWith("已登记", StringComparison.Ordinal), reply.Text);
        Assert.True(reply.Text.Contains(SecretaryOnlyBranch, StringComparison.Ordinal) || reply.Text.Contains("不在可登记的期间内", StringComparison.Ordinal)
            || reply.Text.Contains("尚未到期", StringComparison.Ordinal) || reply.Text.Contains("不在您的本期待办中", StringComparison.Ordinal), reply.Text);
        Assert.Empty(await h.Ledger.GetForDutyAsync(h.BranchId, kind, period, CancellationToken.None));
        Assert.Empty(h.Messenger.Sent);
    }

    [Fact]
    public async Task Authorization_WindowOfNoPastPeriods_LastMonthRefusedThisMonthRecorded()
    {
        var h = await BranchAsync(Harness(s => s.Configure<ConversationOptions>(o => o.CompletionWindow = 0)));

        var last = await h.SayOneAsync("张三", "已完成 党费 2026-11");
        var now = await h.SayOneAsync("张三", "已完成 党费 2026-12");

        Assert.Contains("不在可登记的期间内", last.Text, StringComparison.Ordinal);
        Assert.Empty(await h.Ledger.GetForDutyAsync(h.BranchId, "党费", "2026-11", CancellationToken.None));
        Assert.StartsWith("已记录：交纳党费（2026-12）", now.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorization_LeaveButtonTwiceForOneOccurrence_SecretaryToldOnce()
    {
        var h = await BranchAsync(Harness());

        await h.SayOneAsync("张三", "请假 主题党日 2026-12");
        await h.SayOneAsync("张三", "撤销");
        await h.SayOneAsync("张三", "请假 主题党日 2026-12");
        await h.SettleAsync();

        Assert.Equal(CompletionStatus.Leave, (await RecordAsync(h, "张三", "主题党日", "2026-12"))?.Status);
        Assert.Single(h.SentTo("王书记"));
    }

    [Fact]
    public async Task Help_Secretary_ListsEverySecretaryCommandWithAnExample()
    {
        var h = await BranchAsync(Harness());

        var help = (await h.SayOneAsync("王书记", "帮助")).Text!;

        foreach (var command in new[] { "设置主题党日", "设置党费日", "设置提醒", "设置免打扰", "设置依据文件", "设置时区", "设置节假日提醒", "设置完成情况查看", "查看提醒计划", "通知", "催办", "完成情况", "邀请码", "重发邀请码" })
        {
            Assert.Contains("· " + command, help.Replace("· 张三的", "· ", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Notice_FinalPunctuation_SentExactlyAsWritten()
    {
        var h = await BranchAsync(Harness());

        var preview = await h.SayOneAsync("王书记", "通知 本周五下午3点召开支部党员大会，请准时参加！");
        await h.SayOneAsync("王书记", "确认");
        await h.SettleAsync();

        Assert.Contains("本周五下午3点召开支部党员大会，请准时参加！\n", preview.Text, StringComparison.Ordinal);
        Assert.Contains(h.SentTo("张三"), t => t.Contains("请准时参加！\n", StringComparison.Ordinal));
        Assert.Contains(h.SentTo("李四"), t => t.Contains("请准时参加！\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nudge_SecretaryStillOpenHimself_NeverNudgesTheSender()
    {
        var h = await BranchAsync(Harness());

        await h.SayOneAsync("王书记", "催办 党费");
        await h.SettleAsync();

        Assert.Single(h.SentTo("张三"));
        Assert.Single(h.SentTo("李四"));
        Assert.DoesNotContain(h.SentTo("王书记"), t => t.StartsWith("温馨提醒", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_UnboundMember_ListedApartFromThoseStillOpen()
    {
        var h = Harness();
        var codes = await h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"), ("赵六", "党员"));
        await h.BindAllAsync(codes, "王书记", "张三");

        var detail = (await h.SayOneAsync("王书记", "完成情况 党费")).Text!;
        var summary = (await h.SayOneAsync("王书记", "完成情况")).Text!;

        Assert.Contains("尚未完成：王书记、张三", detail, StringComparison.Ordinal);
        Assert.Contains("未绑定（收不到提醒）：赵六", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("尚未完成：王书记、张三、赵六", detail, StringComparison.Ordinal);
        Assert.Contains("1 人未绑定", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusViewers_SetInChat_OrganisationCommitteeMemberMayViewOthersRefused()
    {
        var h = Harness();
        var codes = await h.CreateBranchAsync(("王书记", "党支部书记"), ("刘委员", "组织委员"), ("陈委员", "宣传委员"));
        await h.BindAllAsync(codes, "王书记", "刘委员", "陈委员");

        var byDefault = await h.SayOneAsync("刘委员", "完成情况");
        var refusedByDefault = await h.SayOneAsync("陈委员", "完成情况");
        var notSecretary = await h.SayOneAsync("刘委员", "设置完成情况查看 宣传委员");
        var saved = await h.SayOneAsync("王书记", "设置完成情况查看 党支部书记、宣传委员");
        var now = await h.SayOneAsync("陈委员", "完成情况");
        var nowRefused = await h.SayOneAsync("刘委员", "完成情况");
        var invalid = await h.SayOneAsync("王书记", "设置完成情况查看 主席");

        Assert.StartsWith("机关第一党支部本期完成情况", byDefault.Text, StringComparison.Ordinal);
        Assert.Equal("抱歉，完成情况仅限党支部书记、副书记、组织委员查看。", refusedByDefault.Text);
        Assert.Equal("抱歉，该功能仅限党支部书记、副书记使用。", notSecretary.Text);
        Assert.Equal("已保存：完成情况可由党支部书记、宣传委员查看。", saved.Text);
        Assert.StartsWith("机关第一党支部本期完成情况", now.Text, StringComparison.Ordinal);
        Assert.Equal("抱歉，完成情况仅限党支部书记、宣传委员查看。", nowRefused.Text);
        Assert.StartsWith(Replies.StatusViewersUsage, invalid.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InviteCode_SecretaryLooksUpAndReissues_OldCodeStopsWorkingMembersRefused()
    {
        var h = Harness();
        var codes = await h.CreateBranchAsync(("王书记", "党支部书记"), ("张三", "党员"), ("赵六", "党员"));
        await h.BindAllAsync(codes, "王书记", "张三");

        var lookedUp = await h.SayOneAsync("王书记", "赵六的邀请码");
        var byMember = await h.SayOneAsync("张三", "赵六的邀请码");
        var reissued = await h.SayOneAsync("王书记", "重发邀请码 赵六");
        var bound = await h.SayOneAsync("王书记", "张三的邀请码");
        var unknown = await h.SayOneAsync("王书记", "钱七的邀请码");

        Assert.Equal(Replies.InviteCode("赵六", codes["赵六"]), lookedUp.Text);
        Assert.Equal("抱歉，该功能仅限党支部书记、副书记使用。", byMember.Text);
        Assert.DoesNotContain(codes["赵六"], byMember.Text, StringComparison.Ordinal);
        Assert.StartsWith("已为赵六同志重新生成邀请码：", reissued.Text, StringComparison.Ordinal);
        var fresh = reissued.Text!["已为赵六同志重新生成邀请码：".Length..][..6];
        Assert.NotEqual(codes["赵六"], fresh);
        Assert.Equal(Replies.InviteNone("张三"), bound.Text);
        Assert.Equal(Replies.InviteNoSuchMember, unknown.Text);
        Assert.Equal(Replies.BindInvalid, (await h.SayOneAsync("赵六", "绑定 " + codes["赵六"])).Text);
        Assert.StartsWith("绑定成功", (await h.SayOneAsync("赵六", "绑定 " + fresh)).Text, StringComparison.Ordinal);
    }
}
