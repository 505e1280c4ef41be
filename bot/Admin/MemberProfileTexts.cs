namespace PartyAffairs.Bot.Admin;

/// <summary>The messages of the roster's person columns (CSV rows, the admin API, the chat), in one place for review.</summary>
internal static class MemberProfileTexts
{
    public static string DateInvalid(string field, string text) => $"{field}“{text}”不是有效日期，请写成 YYYY-MM-DD，例如 2026-07-01";

    public static string IntroducersInvalid(string text) => $"入党介绍人“{text}”有误：写一至两名党员姓名，用顿号分隔";

    public const string GroupTooLong = "党小组名称过长（最多32个字）";

    public static string YesNoInvalid(string field, string text) => $"{field}“{text}”有误：请填“是”或“否”";

    public static string AwayInvalid(string text) => $"外出“{text}”有误：请写成 起始日期~结束日期，例如 2027-01-01~2027-03-31（结束日期可省略）";

    public const string ExtensionBeforeProbationEnds = "延长的结束日期应晚于一年预备期的结束日期";

    public const string BodyInvalid = "请求体应为 JSON，例如 {\"入党介绍人\":\"王书记、李四\",\"外出\":\"2027-01-01~2027-03-31\"}";
}
