namespace PartyAffairs.Bot.Scheduling;

/// <summary>User-facing text of the host side of reminders.</summary>
internal static class ReminderHostTexts
{
    public const string SettingsBodyInvalid =
        "请求体不是有效的提醒设置 JSON。示例：{\"themedDay\":{\"kind\":\"NthWeekday\",\"ordinal\":1,\"weekday\":\"Friday\",\"time\":\"15:00:00\",\"place\":\"三楼会议室\"}}";

    /// <summary>The plan's range is missing or not two dates.</summary>
    public const string PlanRangeUnreadable = "请用 from 和 to 给出日期范围，格式为 YYYY-MM-DD，例如 ?from=2027-01-01&to=2027-12-31。";

    /// <summary>The plan's range ends before it starts.</summary>
    public const string PlanRangeReversed = "日期范围有误：from 不能晚于 to。";

    /// <summary>The plan's range is too long.</summary>
    public static string PlanRangeTooLong(int days) => $"日期范围过长：一次最多查询{days}天。";
}
