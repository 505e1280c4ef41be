namespace PartyAffairs.Bot.Ledger;

/// <summary>Texts the ledger's admin endpoints return, kept together for review (the ledger's own are in LedgerTexts).</summary>
internal static class LedgerApiTexts
{
    public const string RecordNotFound = "记录不存在。";
    public const string YearInvalid = "年份 year 应为 2000 到 2100 之间的整数。";
    public const string BodyRequired = "请求体不能为空。";
    public const string PaymentNotFound = "没有可撤销的党费交纳记录。";
    public const string StudyEntryNotFound = "学习记录不存在。";
    public const string PresentStatus = "出席";
    public const string LeaveStatus = "请假";
    public const string AbsentStatus = "缺席";
}
