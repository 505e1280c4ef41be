using System.Globalization;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>The chat texts of the ledger commands (records, dues, study hours, history, export), kept together for review.</summary>
internal static class LedgerReplies
{
    public const string ActionUndoRecord = "撤销记录";
    public const string ActionMyDues = "我的党费";
    public const string ActionMyStudy = "我的学时";
    public const string ActionExport = "导出台账";

    /// <summary>The members' part of 帮助.</summary>
    public const string HelpMember =
        "\n· 已交党费 / 交了三个月党费 / 补交了10、11月党费：登记党费（按核定金额）\n" +
        "· 我的党费：查看本人核定的党费金额（仅在单独对话中显示）\n" +
        "· 学习 2学时 学习内容：登记自学学时；我的学时：查看学时完成情况\n" +
        "· 参加了12月3日的党员大会：确认本人出席";

    /// <summary>The record keepers' part of 帮助.</summary>
    public const string HelpSecretary =
        "\n· 记录 类型 日期 主题：… 主讲：… 参加：全体（或姓名，用顿号分隔） 缺席：姓名（原因） N学时：登记会议或活动，例如“记录 党员大会 12月3日 主题：学习党章第三章 主讲：王明 缺席：李四（出差） 2学时”；撤销记录：撤销本人最近登记的一条\n" +
        "· 设置党费 姓名 类别 月收入：核定党费，例如“设置党费 张三 在职 8000”（请在单独对话中操作）\n" +
        "· 完成情况 事项 时期：查看以往任一时期，例如“完成情况 党费 上个月”“完成情况 党员大会 2026-Q3”\n" +
        "· 导出台账 [年份]：获取全年台账（Excel）的下载链接";

    public const string RecordKeepersOnly = "抱歉，该功能仅限党支部书记、副书记、组织委员使用。";

    public const string KindMissing = "请写明活动类型";

    public static string KindUnknown(string written, IEnumerable<string> valid) => $"未知的活动类型“{written}”，可选：{string.Join("、", valid)}";

    public const string DateMissing = "请写明日期，例如“12月3日”或“2026-12-03”";

    public static string RecordRefused(IEnumerable<string> errors) => "未保存：" + string.Join("；", errors) + "。";

    /// <summary>The summary of a saved record.</summary>
    public static string RecordSaved(string kind, DateOnly date, string? topic, int present, int total, IReadOnlyList<(string Name, string? Reason)> absent, decimal? hours)
    {
        var lines = new List<string> { $"已记录：{kind}（{Iso(date)}）" };
        if (topic is not null)
        {
            lines.Add("主题：" + topic);
        }

        lines.Add($"出席：{present}/{total} 人");
        if (absent.Count > 0)
        {
            lines.Add("缺席：" + string.Join("、", absent.Select(a => a.Reason is null ? a.Name : $"{a.Name}（{a.Reason}）")));
        }

        if (hours is { } h)
        {
            lines.Add($"学时：{Hours(h)}");
        }

        lines.Add("如有错误，请发送“撤销记录”后重新记录。");
        return string.Join('\n', lines);
    }

    public const string NoRecordToUndo = "没有可撤销的记录（仅可撤销本人登记的最近一条）。";

    public static string RecordUndone(string kind, DateOnly date) => $"已撤销：{kind}（{Iso(date)}）的记录。撤销已留痕。";

    public static string AttendanceConfirmed(string kind, DateOnly date, decimal? hours) =>
        $"已确认：您出席了{kind}（{Iso(date)}）" + (hours is { } h && h > 0 ? $"，计 {Hours(h)} 学时。" : "。");

    public static string AttendanceAlready(string kind, DateOnly date) => $"您已在{kind}（{Iso(date)}）的出席名单中，无需重复确认。";

    public static string DuesPaid(IReadOnlyList<(string Month, decimal Amount)> payments) =>
        "已记录：" + string.Join("、", payments.Select(p => $"{Month(p.Month)}党费 {Money(p.Amount)}元")) +
        (payments.Count > 1 ? $"，合计 {Money(payments.Sum(p => p.Amount))}元。" : "。");

    /// <summary>The same without amounts, for a group conversation.</summary>
    public static string DuesPaidInGroup(IEnumerable<string> months) => "已记录：" + string.Join("、", months.Select(Month)) + "党费。金额请在与我的单独对话中查看。";

    /// <summary>The line a member's 党费 reminder gains when an assessment is on file.</summary>
    public static string DuesMonthlyAmount(decimal amount) => $"您每月应交纳党费 {Money(amount)}元。";

    public static string DuesAlreadyPaid(IEnumerable<string> months) => string.Join("、", months.Select(Month)) + "党费此前已登记交纳。";

    public static string PaymentUndone(IEnumerable<string> months) => "已撤销：" + string.Join("、", months.Select(Month)) + "党费的交纳登记。";

    public const string NoPaymentToUndo = "没有可撤销的党费交纳登记。";

    public const string NoAssessment = "尚未核定您的党费标准，暂不能按金额登记。请联系支部书记或组织委员核定（“设置党费 姓名 类别 月收入”）。";

    public const string PrivateOnly = "党费金额和收入属于个人信息，请在与我的单独对话中查询或设置。";

    public static string MyDues(decimal amount, string category, decimal? income, decimal? rate, string effectiveFrom, string? reason, string? paidThrough)
    {
        var basis = rate is { } r && income is { } i
            ? $"依据：{category}，月收入基数 {Money(i)}元 × {Percent(r)}"
            : $"依据：{category}" + (reason is null ? string.Empty : $"（{reason}）");
        return $"您每月应交党费 {Money(amount)}元（{basis}，自 {Month(effectiveFrom)}起）。" +
            (paidThrough is null ? "今年尚无交纳记录。" : $"今年已登记交纳至 {Month(paidThrough)}。");
    }

    public const string MyDuesNone = "尚未核定您的党费标准。请联系支部书记或组织委员，按《关于中国共产党党费收缴、使用和管理的规定》核定。";

    public static string DuesProfileSaved(string name, string category, decimal amount, decimal? income, decimal? rate) =>
        rate is { } r && income is { } i
            ? $"已核定：{name}，{category}，月收入基数 {Money(i)}元，比例 {Percent(r)}，每月应交党费 {Money(amount)}元（自本月起）。"
            : $"已核定：{name}，{category}，每月应交党费 {Money(amount)}元（自本月起）。";

    public const string DuesProfileUsage = "请按“设置党费 姓名 类别 月收入”的格式发送，例如“设置党费 张三 在职 8000”。类别：在职、离退休、学生、下岗失业、低保、农民、免交。";

    public static string UnknownMember(string name) => $"未找到成员“{name}”。";

    public static string AmbiguousMember(string name) => $"名单中有多名“{name}”，请在管理台按成员编号设置。";

    public static string StudySaved(decimal hours, string topic, decimal total, decimal quota) =>
        $"已记录：自学 {Hours(hours)} 学时（{topic}）。今年已完成 {Hours(total)}/{Hours(quota)} 学时。";

    /// <summary>The line a member's 学时 reminder ends with.</summary>
    public static string StudyStanding(decimal hours, decimal quota, decimal remaining) =>
        $"您今年已完成 {Hours(hours)}/{Hours(quota)} 学时" + (remaining > 0 ? $"，尚差 {Hours(remaining)} 学时。" : "，已达到要求。");

    public const string StudyUsage = "请按“学习 学时数 学习内容”的格式发送，例如“学习 2学时 党的二十大报告”。";

    public static string MyStudy(int year, decimal hours, decimal quota, string citation, decimal remaining, IReadOnlyList<string> sources, int more)
    {
        var head = $"{year}年已完成 {Hours(hours)}/{Hours(quota)} 学时（依据{citation}）" + (remaining > 0 ? $"，尚差 {Hours(remaining)} 学时。" : "，已达到要求。");
        if (sources.Count == 0)
        {
            return head + "\n暂无学习记录。";
        }

        return head + "\n来源：\n" + string.Join('\n', sources.Select(s => "· " + s)) + (more > 0 ? $"\n（另有 {more} 条）" : string.Empty);
    }

    public static string StudySource(DateOnly date, string kind, string? topic, decimal hours) =>
        $"{date.Month}月{date.Day}日 {kind}" + (topic is null ? string.Empty : "：" + topic) + $" {Hours(hours)}学时";

    public static string HistoryHeader(string period) => $"{period} 完成情况：";

    public static string HistoryMember(string title, string period, int done, int total, int leave, IReadOnlyList<string> open) =>
        $"· {title}（{period}）：{done}/{total} 已完成" + (leave > 0 ? $"，{leave} 人请假" : string.Empty) +
        (open.Count > 0 && open.Count <= 20 ? "；未完成：" + string.Join("、", open) : open.Count > 20 ? $"；未完成 {open.Count} 人" : string.Empty);

    public static string HistoryBranch(string title, string period, bool done, int count, int required) =>
        required > 1 ? $"· {title}（{period}）：已开展 {count}/{required} 次" : $"· {title}（{period}）：" + (done ? "已完成" : "未完成");

    public const string HistoryNothing = "该时期没有需要统计的事项。";

    public const string HistoryUnknownDuty = "未找到该事项。可发送“完成情况 事项 时期”，例如“完成情况 党费 上个月”。";

    public static string ExportLink(int year, Uri link, int minutes) => $"{year}年台账（Excel）下载链接，{minutes} 分钟内有效，仅可下载一次：\n{link}";

    public const string ExportPrivate = "台账含党员个人信息，请在与我的单独对话中获取下载链接。";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>2026-12 → 2026年12月.</summary>
    public static string Month(string month) =>
        month.Length == 7 && int.TryParse(month.AsSpan(0, 4), CultureInfo.InvariantCulture, out var y) && int.TryParse(month.AsSpan(5, 2), CultureInfo.InvariantCulture, out var m)
            ? $"{y}年{m}月"
            : month;

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Percent(decimal rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
