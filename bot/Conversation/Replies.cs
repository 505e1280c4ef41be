using System.Globalization;
using System.Text;

namespace PartyAffairs.Bot.Conversation;

/// <summary>Every text the bot says in chat, kept together for review. Formal, concise Simplified Chinese.</summary>
internal static class Replies
{
    /// <summary>The one apology of a failed turn or a store outage (also given to the protocol and channel libraries).</summary>
    public const string Unavailable = "服务暂时不可用，请稍后再试。";

    /// <summary>Names listed at most in a delivery report; the rest are counted.</summary>
    private const int MaxNamesListed = 20;

    public const string TooLong = "消息过长（超过 2000 字），请精简后重新发送。";

    public const string Welcome = "您好，我是党务提醒助手。可以询问党务工作要求，也可以查看和确认本期待办事项。发送“帮助”查看全部用法。";

    public const string HelpUnbound =
        "可以这样使用：\n" +
        "· 直接提问，例如“党费多久交一次”“主题党日每月几次”\n" +
        "· 绑定 邀请码：绑定党员身份（邀请码由支部书记提供），例如“绑定 8F3K2Q”";

    public const string HelpMember =
        "可以这样使用：\n" +
        "· 直接提问，例如“党费多久交一次”\n" +
        "· 我的待办：查看本期事项及完成情况\n" +
        "· 已交党费 / 参加了主题党日 / 完成 事项名称：确认完成\n" +
        "· 请假 事项：登记请假，例如“请假 主题党日”\n" +
        "· 撤销：撤销最近一次确认\n" +
        "· 收到：确认已收到最近一条通知（也可点通知下方的“收到”按钮）" +
        Commands.Ledger.LedgerReplies.HelpMember;

    public const string HelpSecretaryExtra =
        "\n支部书记、副书记还可以：\n" +
        "· 通知 内容：向本支部成员发送通知（确认后发送），例如“通知 本周五下午3点召开支部党员大会。”\n" +
        "· 通知确认情况：最近一条通知已确认的人数和尚未确认的同志，例如“通知确认情况”（“通知确认情况 2”为倒数第2条）\n" +
        "· 完成情况 [事项]：查看本期完成情况，例如“完成情况 党费”\n" +
        "· 催办 事项：提醒尚未完成的同志，例如“催办 党费”\n" +
        "· 设置主题党日：例如“设置主题党日 每月第一个周五 15:00 三楼会议室”\n" +
        "· 设置党费日：例如“设置党费日 每月1日 20日”\n" +
        "· 设置提醒：活动前几天提醒，例如“设置提醒 提前3天 08:30 当天 08:30”\n" +
        "· 设置免打扰：例如“设置免打扰 21:30-08:00”\n" +
        "· 设置依据文件：本支部执行的责任清单，例如“设置依据文件 000 003”（或“全部”）\n" +
        "· 设置时区：例如“设置时区 Asia/Shanghai”\n" +
        "· 设置节假日提醒：提醒遇节假日提前或顺延，例如“设置节假日提醒 提前”（或 顺延、不调整）\n" +
        "· 设置完成情况查看：哪些职务可查看完成情况，例如“设置完成情况查看 党支部书记、副书记、组织委员”\n" +
        "· 查看提醒计划：列出本支部接下来的提醒\n" +
        "· 张三的邀请码：查看某位同志未使用的邀请码\n" +
        "· 重发邀请码 张三：生成新邀请码，原邀请码作废" +
        Commands.Ledger.LedgerReplies.HelpSecretary;

    public const string NotBound = "您尚未绑定党员身份。请发送“绑定 邀请码”完成绑定（邀请码由支部书记提供）。";

    public const string BindUsage = "请按“绑定 邀请码”的格式发送，例如“绑定 8F3K2Q”。邀请码为 6 位字母或数字。";

    public const string BindTooManyAttempts = "尝试次数过多，请稍后再试。";

    public const string BindInvalid = "邀请码无效或已被使用，请核对后重试，或联系支部书记重新获取。";

    public const string SecretaryOnly = "抱歉，该功能仅限党支部书记、副书记使用。";

    public const string NoDuties = "本期暂无需要您确认的事项。";

    public const string UnknownDuty = "未找到该事项。发送“我的待办”可查看本期事项名称。";

    public const string UndoNothing = "没有可以撤销的确认记录。";

    public const string NoticeUsage = "请按“通知 内容”的格式发送，例如“通知 本周五下午3点召开支部党员大会”。";

    public const string NoticeNoRecipients = "本支部暂无其他成员，无法发送通知。";

    public const string NothingPending = "当前没有待确认的操作。";

    public const string PendingExpired = "该操作已超时，未发送。如需发送，请重新发起。";

    public const string PendingCancelled = "已取消，未发送。";

    public const string NudgeUsage = "请按“催办 事项”的格式发送，例如“催办 党费”。";

    public const string StatusEmpty = "本期暂无需要跟踪的事项。";

    public const string NotApplicable = "该事项不在您的本期待办中。";

    public const string Thanks = "不客气。如有需要，随时发消息给我。";

    public const string Bye = "再见。如有需要，随时发消息给我。";

    public const string ClarifyOpen = "请问您是想确认哪一项？发送“我的待办”可查看本期事项，也可以直接说“已交党费”“参加了主题党日”。";

    public const string ClarifyLeaveOpen = "请问您要为哪一项请假？例如“请假 主题党日 出差”。";

    public const string ClarifyWhich = "您是想确认哪一项？";

    public const string ClarifyWhichLeave = "请问您要为哪一项请假？";

    public const string ActionNo = "不是";

    public const string BindHint = "绑定党员身份后，可查看本支部的具体安排和您的完成情况（发送“绑定 邀请码”）。";

    public const string NoThemedDaySet = "本支部尚未设定主题党日的时间，请留意支部书记的通知。";

    public const string InviteUsage = "请按“张三的邀请码”或“重发邀请码 张三”的格式发送。";

    public const string InviteNoSuchMember = "本支部名册中没有这位同志，请核对姓名。";

    public const string StatusViewersUsage = "请按“设置完成情况查看 党支部书记、副书记、组织委员”的格式发送，职务须为名册中的职务。";

    public const string ProgressAllDone = "本期事项已全部完成，谢谢！";

    public const string ActionHelp = "帮助";
    public const string ActionMyDuties = "我的待办";
    public const string ActionStatus = "完成情况";
    public const string ActionConfirm = "确认";
    public const string ActionCancel = "取消";
    public const string ActionUndo = "撤销";

    public static string Bound(string name, string branchName, string role) =>
        $"绑定成功。{name}同志，您已加入“{branchName}”，身份：{role}。发送“我的待办”可查看本期事项。";

    public static string BoundByMobile(string name, string branchName, string role) =>
        $"已根据通讯录手机号将您绑定为{name}同志（“{branchName}”，{role}）。如有误，请联系支部书记。";

    public static string AlreadyBound(string name) => $"当前账号已绑定为 {name}，无需重复绑定。";

    public static string DutyLine(string title, string periodKey, string status) => $"· {title}（{periodKey}）：{status}";

    public static string StatusDone => "已完成";

    public static string StatusLeave => "已请假";

    public static string StatusOpen(DateOnly due) => $"未完成，截止 {FormatDate(due)}";

    public static string StatusCountOpen(int done, int required, DateOnly due) => $"已完成 {done}/{required} 次，截止 {FormatDate(due)}";

    public static string StatusCountOverdue(int done, int required, DateOnly due) => $"已完成 {done}/{required} 次，已过截止日期 {FormatDate(due)}";

    public static string OccurrenceRecorded(string title, string periodKey, int done, int required) =>
        done >= required ? $"已记录：{title}（{periodKey}）已完成 {done}/{required} 次，本期要求已达到。" : $"已记录：{title}（{periodKey}）已完成 {done}/{required} 次。";

    public static string OccurrenceAlreadyToday(string title, string periodKey, int done, int required) =>
        $"{title}（{periodKey}）今天已记录过一次，同一天只计一次。目前已完成 {done}/{required} 次。";

    public static string BranchCountStatusLine(string title, string periodKey, int done, int required) =>
        $"· {title}（{periodKey}）：已完成 {done}/{required} 次{(done >= required ? string.Empty : "，未达到要求")}（支部事项）";

    public static string StatusOverdue(DateOnly due) => $"未完成，已过截止日期 {FormatDate(due)}";

    public static string MyDutiesHeader(string name) => $"{name}同志，本期事项：";

    public static string Recorded(string title, string periodKey) => $"已记录：{title}（{periodKey}）已完成。";

    public static string LeaveRecorded(string title, string periodKey, string? reason = null) =>
        reason is null ? $"已登记请假：{title}（{periodKey}）。支部书记可在完成情况中看到。" : $"已登记请假：{title}（{periodKey}），事由：{reason}。已告知支部书记。";

    public static string AlreadyRecorded(string title, string periodKey, bool leave) =>
        leave ? $"{title}（{periodKey}）此前已登记请假，无需重复登记。" : $"{title}（{periodKey}）此前已确认完成，无需重复确认。";

    public static string Remaining(IReadOnlyList<string> lines) =>
        lines.Count == 0 ? "本期事项已全部完成，谢谢！" : "尚未完成：\n" + string.Join('\n', lines);

    public static string Undone(string title, string periodKey, bool leave) =>
        leave ? $"已撤销：{title}（{periodKey}）的请假登记。" : $"已撤销：{title}（{periodKey}）的完成确认。";

    public static string NoticePreview(string text, int recipients) =>
        $"通知预览：\n{text}\n\n将发送给本支部 {recipients} 人。回复“确认”发送，回复“取消”放弃（10 分钟内有效）。";

    public static string NoticeForward(string senderName, string branchName, string text) => $"【{branchName}通知】{text}\n——{senderName}";

    public static string NoticeSending(int total, IReadOnlyList<string> groupChannels) =>
        $"正在发送通知（共 {total} 人），完成后将告知送达情况。"
        + (groupChannels.Count > 0 ? $"通知将同步发布到{string.Join('、', groupChannels.Select(GroupName))}。" : string.Empty);

    public static string NoticeReport(NoticeReport report) => "通知发送完成：" + Outcome(report) + GroupLines(report.Groups);

    public static string NoticeGroupTitle(string branchName) => $"{branchName}通知";

    /// <summary>The title of the 收到 button under a notice a member receives.</summary>
    public const string NoticeAcknowledgeButton = "收到";

    /// <summary>What the 收到 button sends: the recognizer's button syntax (IntentLexicon commands.noticeAcknowledgeButton) and the notice number.</summary>
    public static string NoticeAcknowledgeSends(long number) => string.Create(CultureInfo.InvariantCulture, $"收到通知 {number}");

    public const string NoticeAcknowledged = "已确认收到通知。";

    public const string NoticeAlreadyAcknowledged = "此前已确认收到该通知，无需重复确认。";

    public const string NoticeNotFound = "未找到该通知，或该通知并非发送给您。";

    public const string NoticeStatusNone = "本支部尚无已发送的通知。";

    public static string NoticeStatusNotFound(int position) => $"未找到倒数第 {position} 条通知。";

    /// <summary>通知确认情况: the notice, 已确认 k/n, then who has not acknowledged and who is unbound (names only, no times).</summary>
    public static string NoticeStatus(string date, string sender, string text, int acknowledged, int expected, IReadOnlyList<string> notYet, IReadOnlyList<string> unbound, bool finished)
    {
        var excerpt = text.Length > 30 ? text[..30] + "…" : text;
        var lines = new List<string>
        {
            $"通知确认情况（{date} {sender}发送）：{excerpt}",
            $"已确认 {acknowledged}/{expected}" + (finished ? string.Empty : "（通知仍在发送中）"),
            notYet.Count == 0 ? "未确认：无" : "未确认：" + string.Join('、', notYet),
        };
        if (unbound.Count > 0)
        {
            lines.Add("未绑定：" + string.Join('、', unbound));
        }

        return string.Join('\n', lines);
    }

    public static string NoticeGroupText(string senderName, string text) => $"{text}\n\n——{senderName}";

    public static string StatusHeader(string branchName) => $"{branchName}本期完成情况：";

    public static string StatusLine(string title, string periodKey, int done, int total, int leave, int unbound = 0) =>
        (leave > 0 ? $"· {title}（{periodKey}）：{done}/{total} 已完成，{leave} 人请假" : $"· {title}（{periodKey}）：{done}/{total} 已完成")
        + (unbound > 0 ? $"，{unbound} 人未绑定" : string.Empty);

    public static string BranchStatusLine(string title, string periodKey, bool done) => $"· {title}（{periodKey}）：{(done ? "已完成" : "未完成")}（支部事项）";

    /// <summary>The detail of one duty; <paramref name="unbound"/> (never bound a chat account) are listed apart from those still open.</summary>
    public static string StatusDetail(string title, string periodKey, int done, int total, IReadOnlyList<string> leave, IReadOnlyList<string> open, DateOnly due,
        IReadOnlyList<string>? unbound = null)
    {
        unbound ??= [];
        var text = new StringBuilder($"{title}（{periodKey}，截止 {FormatDate(due)}）：{done}/{total} 已完成。");
        if (leave.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n请假：{string.Join('、', leave)}");
        }

        if (open.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n尚未完成：{string.Join('、', open)}");
        }

        if (unbound.Count > 0)
        {
            text.Append('\n').Append(StatusUnboundLine(unbound));
        }

        if (open.Count + unbound.Count == 0)
        {
            text.Append("\n全部同志均已完成或请假。");
        }

        return text.ToString();
    }

    public static string NudgeNobody(string title, string periodKey) => $"{title}（{periodKey}）全部同志均已完成或请假，无需催办。";

    public static string NudgeMessage(string title, DateOnly due, string confirmPhrase) =>
        $"温馨提醒：请于 {FormatDate(due)} 前完成“{title}”。完成后请回复“{confirmPhrase}”。如已完成，请忽略本提醒。";

    public static string NudgeSending(string title, int total) => $"正在催办“{title}”（共 {total} 人），完成后将告知送达情况。";

    public static string NudgeReport(string title, NoticeReport report) => $"催办“{title}”完成：" + Outcome(report);

    public static string SecretaryLeaveNotice(string memberName, string title, string periodKey, string? reason = null) =>
        reason is null ? $"{memberName}同志已登记请假：{title}（{periodKey}）。" : $"{memberName}同志已登记请假：{title}（{periodKey}），事由：{reason}。";

    public static string BranchDutyRefused(string title) => $"“{title}”是支部事项，由党支部书记、副书记确认完成。如您已参加，无需确认。";

    public static string FuturePeriodRefused(string title, string periodKey) => $"{title}（{periodKey}）尚未到期，不能提前确认完成。";

    public static string PeriodOutOfWindow(string title, string periodKey) =>
        $"{title}（{periodKey}）不在可登记的期间内，未作记录。如需补登或提前请假，请联系支部书记。";

    public static string ConfirmPhrase(string kind) => $"完成 {kind}";

    public static string Greeting(string? name) => name is null
        ? "您好，我是党务提醒助手。可以询问党务工作要求；绑定党员身份后，还可以查看和确认本期待办事项。发送“帮助”查看全部用法。"
        : $"{name}同志，您好！我是党务提醒助手。可以查看和确认本期待办事项、登记请假、询问党务工作要求。发送“帮助”查看全部用法。";

    public static string ClarifyOne(string title, bool leave) => leave ? $"您是想为“{title}”请假吗？" : $"您是想确认已{title}吗？";

    public static string ClarifyYes(string title, bool leave) => leave ? $"是，{title}请假" : $"是，已{title}";

    public static string ClarifyOption(string title, bool leave) => leave ? $"{title}请假" : $"已{title}";

    public static string RuleLine(string rule) => "依据：" + rule;

    public static string ThemedDay(string rule, string? place, DateOnly? next, TimeOnly time) =>
        $"本支部主题党日：{rule} {Clock(time)}{(place is null ? string.Empty : "，" + place)}" +
        (next is { } day ? $"；下次：{Day(day)}。" : "。");

    public static string ThemedDayOff(string? holiday, DateOnly before, DateOnly after) =>
        $"该日{(holiday is null ? "为休息日" : $"为{holiday}假期")}，最近的工作日为{Day(before)}、{Day(after)}，具体时间以支部通知为准。";

    public static string ProvisionalYear(int year) => string.Create(CultureInfo.InvariantCulture, $"（{year}年节假日安排尚未公布，以上按法定节日推算。）");

    public static string ThemedDayStatus(bool done, bool leave) => done ? "您本月已参加。" : leave ? "您本月已请假。" : string.Empty;

    public static string Dues(IReadOnlyList<int> days, bool? paid)
    {
        var first = days.Count > 0 ? days[0] : 1;
        var later = days.Skip(1).Select(d => string.Create(CultureInfo.InvariantCulture, $"{d}日")).ToArray();
        var text = string.Create(CultureInfo.InvariantCulture, $"本支部每月{first}日提醒交纳党费") + (later.Length > 0 ? $"，{string.Join('、', later)}提醒未交者" : string.Empty);
        return text + paid switch { true => "；您本月已交。", false => "；您本月尚未交纳。", _ => "。" };
    }

    public static string Meeting(string title, string periodKey, DateOnly due, bool? done) =>
        $"本支部{title}：本期（{periodKey}）内进行，截止 {FormatDate(due)}，具体时间以支部通知为准" +
        done switch { true => "；您本期已完成。", false => "；您本期尚未完成。", _ => "。" };

    public static string ProgressHeader(string name) => $"{name}同志，您本期的进度：";

    public static string ProgressCount(string title, string periodKey, int done, int required) =>
        done >= required ? $"· {title}（{periodKey}）：已完成 {done}/{required} 次，已达到要求" : $"· {title}（{periodKey}）：已完成 {done}/{required} 次，还差 {required - done} 次";

    public static string ProgressOpenCount(int open) => open == 0 ? "本期事项已全部完成，谢谢！" : $"尚有 {open} 项未完成。";

    public static string DuesPaidThrough(string? periodKey) => periodKey is null ? "近12个月内没有您交纳党费的记录。" : $"您的党费已交至 {periodKey}。";

    public static string ThemedDayDetail(DateOnly day, TimeOnly time, string? place) =>
        $"，{FormatDate(day)}（{Weekday(day)}）{Clock(time)}{(place is null ? string.Empty : "，" + place)}";

    public static string InviteCode(string name, string code) => $"{name}同志的邀请码：{code}（仅可使用一次）。请单独转交本人。";

    public static string InviteNone(string name) => $"{name}同志没有未使用的邀请码（可能已绑定）。如需在新的账号绑定，请发送“重发邀请码 {name}”。";

    public static string InviteReissued(string name, string code) => $"已为{name}同志重新生成邀请码：{code}，原邀请码已作废。请单独转交本人。";

    public static string InviteAmbiguous(string name) => $"本支部有多位名为{name}的同志，请在管理台核对后重发。";

    public static string StatusViewersOnly(IReadOnlyList<string> roles) => $"抱歉，完成情况仅限{string.Join('、', roles)}查看。";

    public static string StatusViewersSaved(IReadOnlyList<string> roles) => $"已保存：完成情况可由{string.Join('、', roles)}查看。";

    public static string StatusUnboundLine(IReadOnlyList<string> names) => $"未绑定（收不到提醒）：{Names(names)}";

    private static string Day(DateOnly date) => $"{FormatDate(date)}（{Weekday(date)}）";

    private static string Weekday(DateOnly date) => "星期" + "日一二三四五六"[(int)date.DayOfWeek];

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>For example 已送达 21/23，2 人发送失败。 followed by who failed and who could not be reached.</summary>
    private static string Outcome(NoticeReport r)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"已送达 {r.Delivered}/{r.Total}");
        if (r.Failed.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"，{r.Failed.Count} 人发送失败");
        }

        if (r.Unreachable.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"，{r.Unreachable.Count} 人无法送达");
        }

        text.Append('。');
        if (r.Failed.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n发送失败：{Names(r.Failed)}");
        }

        if (r.Unreachable.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n无法送达（尚未绑定或未与助手对话）：{Names(r.Unreachable)}");
        }

        if (r.Failed.Count + r.Unreachable.Count > 0)
        {
            text.Append("\n请另行通知以上同志。");
        }

        return text.ToString();
    }

    private static string GroupLines(IReadOnlyList<GroupPost> posts) => string.Concat(posts.Select(p => p.Posted
        ? $"\n已同步发布到{GroupName(p.ChannelId)}。"
        : $"\n发布到{GroupName(p.ChannelId)}失败，请另行转发。"));

    private static string GroupName(string channelId) => channelId switch
    {
        "dingtalk" => "钉钉群",
        "wecom" => "企业微信群",
        _ => channelId,
    };

    private static string Names(IReadOnlyList<string> names) =>
        names.Count <= MaxNamesListed ? string.Join('、', names) : $"{string.Join('、', names.Take(MaxNamesListed))} 等 {names.Count} 人";

    private static string FormatDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Month}月{date.Day}日");
}
