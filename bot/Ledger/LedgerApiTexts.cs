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
    public const string DownloadTitle = "台账下载";
    public const string DownloadInvalid = "链接无效。请在对话中重新发送“导出台账”获取新链接。";
    public const string DownloadExpired = "链接已过期。请在对话中重新发送“导出台账”获取新链接。";
    public const string DownloadUsed = "该链接已使用过，每个链接仅可下载一次。请在对话中重新发送“导出台账”获取新链接。";
    public const string DownloadBranchGone = "该支部已不存在。";
    public const string DownloadUnavailable = "存储暂时不可用，请稍后再试。";
}
