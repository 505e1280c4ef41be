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

    public const string ChatUsage = "用法：设置成员 姓名 项目 内容。项目可为预备期开始日期、延长、入党介绍人、党小组、班子成员、外出，例如：设置成员 张三 外出 2027-01-01~2027-03-31";

    public static string ChatMemberUnknown(string name) => $"本支部名单中没有“{name}”。发送“设置成员”可查看用法。";

    public static string ChatMemberAmbiguous(string name) => $"本支部名单中有多名“{name}”，请通过管理接口按成员编号设置。";

    public static string ChatSaved(string name, string field, string? value) =>
        value is null ? $"已清除：{name}的{field}。" : $"已保存：{name}的{field}为“{value}”。";
}
