namespace PartyAffairs.Bot.Scheduling;

/// <summary>User-facing text of the host side of reminders.</summary>
internal static class ReminderHostTexts
{
    public const string SettingsBodyInvalid =
        "请求体不是有效的提醒设置 JSON。示例：{\"themedDay\":{\"kind\":\"NthWeekday\",\"ordinal\":1,\"weekday\":\"Friday\",\"time\":\"15:00:00\",\"place\":\"三楼会议室\"}}";
}
