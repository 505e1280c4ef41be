using System.Globalization;

namespace PartyAffairs.Ledger;

/// <summary>The ledger's user-facing texts (errors the admin API and, later, chat replies show), kept together for review.</summary>
internal static class LedgerTexts
{
    /// <summary>Joins several errors into one sentence.</summary>
    public static string Summary(IReadOnlyList<string> errors) => "未保存：" + string.Join("；", errors) + "。";

    public const string KindMissing = "请提供活动类型 kind";

    public static string KindUnknown(string kind) => $"未知的活动类型“{kind}”，可选：{string.Join("、", Records.RecordKinds.All)}";

    public const string DateMissing = "请提供日期 date（格式 YYYY-MM-DD）";

    public static string DateInvalid(string date) => $"日期“{date}”格式不正确，应为 YYYY-MM-DD";

    public static string DateInFuture(DateOnly date, DateOnly today) => $"日期 {Iso(date)} 晚于今天（{Iso(today)}），不能记录尚未发生的活动";

    public static string DateBeforeBranch(DateOnly date, DateOnly earliest) => $"日期 {Iso(date)} 早于支部台账的起始日期（{Iso(earliest)}）";

    public static string UnknownPerson(string name) => $"未找到成员“{name}”";

    public static string AmbiguousPerson(string name) => $"名单中有多名“{name}”，请改用成员编号";

    public static string BothPresentAndAbsent(string name) => $"“{name}”同时出现在出席和缺席名单中";

    public const string AbsentNameMissing = "缺席人员缺少姓名 name";

    public static string ReasonTooLong(string name) => $"“{name}”的缺席原因超过 100 字";

    public const string HoursInvalid = "学时 hours 应在 0 到 100 之间，最多两位小数";

    public const string TopicTooLong = "主题 topic 超过 200 字";

    public const string SpeakerTooLong = "主讲人 speaker 超过 50 字";

    public const string NotesTooLong = "备注 notes 超过 2000 字";

    public const string TooManyPeople = "出席和缺席人员合计超过 1000 人";

    public const string DuesCategoryMissing = "请提供党员类别 category";

    public static string DuesCategoryUnknown(string category) => $"未知的党员类别“{category}”，可选：{string.Join("、", Dues.DuesCategories.Names)}";

    public const string IncomeMissing = "在职和离退休党员须提供每月税后固定收入 monthlyIncome（元）";

    public const string IncomeInvalid = "每月收入 monthlyIncome 应为 0 到 10000000 元之间的金额，最多两位小数";

    public const string ApprovalReasonMissing = "少交或免交须经支部同意，请在 reason 中写明依据";

    public const string OverrideInvalid = "核定金额 monthlyAmount 应为 0 到 100000 元之间的金额，最多两位小数";

    public static string FarmerAmountOutOfRange(decimal min, decimal max) => $"农民党员每月交纳额应在 {min:0.00} 至 {max:0.00} 元之间";

    public const string MonthInvalid = "月份应为 YYYY-MM";

    public const string MonthsInvalid = "请提供交纳月份 months（YYYY-MM）或月数 monthCount（1–24）";

    public const string PaymentAmountInvalid = "金额 amount 应为 0 到 100000 元之间，最多两位小数";

    public const string NoDuesProfile = "尚未核定该党员的党费标准：请先设置类别和收入，或在交纳时写明金额";

    public static string MonthsAlreadyPaid(IEnumerable<string> months) => $"{string.Join("、", months)} 已登记交纳";

    public const string StudyHoursInvalid = "学时应大于 0 且不超过 24，最多两位小数";

    public const string StudyTopicMissing = "请写明学习内容或来源";

    public const string StudyTopicTooLong = "学习内容超过 200 字";

    public static string StudyDateInFuture(DateOnly date, DateOnly today) => $"日期 {Iso(date)} 晚于今天（{Iso(today)}）";

    /// <summary>The workbook's branch row name in 完成情况 (duties the branch does once).</summary>
    public const string BranchSubject = "支部";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
