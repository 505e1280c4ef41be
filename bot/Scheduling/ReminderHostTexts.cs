namespace PartyAffairs.Bot.Scheduling;

/// <summary>User-facing text of the host side of reminders.</summary>
internal static class ReminderHostTexts
{
    public static string SettingsListTooLong(int maxDates, int maxShort) =>
        $"设置中的列表过长：主题党日日期最多 {maxDates} 个，缴费日最多 31 个，其他列表最多 {maxShort} 项（重复项已合并）。";

    public const string SettingsBodyInvalid =
        "请求体不是有效的提醒设置 JSON。示例：{\"themedDay\":{\"kind\":\"NthWeekday\",\"ordinal\":1,\"weekday\":\"Friday\",\"time\":\"15:00:00\",\"place\":\"三楼会议室\"}}";
}
