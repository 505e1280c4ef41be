using System.Globalization;

namespace PartyAffairs.Bot.WebConsole;

/// <summary>Every user-facing sentence of the console and of its chat command, in one place.</summary>
internal static class ConsoleTexts
{
    /// <summary>The first <paramref name="max"/> characters of a text on one line (…), whole characters only: a list's label for a notice.</summary>
    public static string Excerpt(string text, int max = 24)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var characters = new StringInfo(line);
        return characters.LengthInTextElements <= max ? line : characters.SubstringByTextElements(0, max) + "…";
    }

    public const string Title = "党务管理台";
    public const string Office = "组织部门";

    // The chat command 管理台.
    public static string LinkReply(Uri link, TimeSpan lifetime) =>
        $"管理台登录链接（{Minutes(lifetime)}分钟内有效，仅可使用一次，请勿转发）：\n{link}";

    public const string OnlyForOfficers = "管理台仅供党支部书记、副书记和组织委员使用。";

    // Sign-in.
    public const string LinkInvalidTitle = "登录链接无效";
    public const string LinkInvalid = "该链接无效或已被修改。请在聊天中发送“管理台”获取新的登录链接。";
    public const string LinkExpiredTitle = "登录链接已过期";
    public const string LinkExpired = "该链接已超过有效期。请在聊天中发送“管理台”获取新的登录链接。";
    public const string LinkUsedTitle = "登录链接已使用";
    public const string LinkUsed = "该链接已被使用过，每个链接仅可使用一次。请在聊天中发送“管理台”获取新的登录链接。";
    public const string LinkMemberGone = "该链接对应的成员已不在名册中，或已不再担任可使用管理台的职务。";
    public const string LoginTitle = "组织部门登录";
    public const string LoginHint = "党支部书记、副书记和组织委员请在聊天中发送“管理台”，通过收到的链接登录。组织部门请输入管理令牌。";
    public const string LoginWrong = "管理令牌不正确。";
    public const string LoginThrottled = "登录失败次数过多，请稍后再试。";
    public const string LoginDisabled = "未配置管理令牌，组织部门登录不可用。";
    public const string SessionEnded = "会话已结束或已过期，请重新登录。";
    public const string SignedOut = "已退出登录。";

    // Status pages.
    public const string ForbiddenTitle = "无权访问";
    public const string Forbidden = "您只能查看和管理本支部的数据。";
    public const string NotFoundTitle = "页面不存在";
    public const string NotFound = "要查看的页面或数据不存在。";
    public const string UnavailableTitle = "服务暂时不可用";
    public const string Unavailable = "服务暂时不可用，请稍后再试。";

    // Navigation.
    public const string NavOverview = "概览";
    public const string NavMembers = "成员";
    public const string NavRecords = "台账";
    public const string NavReminders = "提醒";
    public const string NavNotices = "通知";
    public const string NavBranches = "支部列表";
    public const string SignOut = "退出";

    // Overview.
    public const string Done = "已完成";
    public const string Leave = "请假";
    public const string Open = "未完成";

    // Members and uploads.
    public const string UploadMissing = "请选择要导入的名册文件（.csv 或 .xlsx）。";
    public static string UploadTooLarge(int bytes) => $"文件过大，名册文件不能超过 {bytes / 1024} KB。";
    public const string UploadWrongType = "文件类型不正确，请上传 .csv（UTF-8 编码）或 .xlsx 文件。";
    public const string UploadUnreadable = "无法读取该 .xlsx 文件，请确认文件未损坏。";
    public const string UploadNotUtf8 = "无法读取该 .csv 文件，请使用 UTF-8 编码保存。";
    public const string UploadEmpty = "文件中没有成员。";
    public static string UploadRejected(int count) => $"名册中有 {count} 行有误，未导入任何成员。请修改后重新上传：";
    public static string Imported(int added, int updated) => $"导入完成：新增 {added} 人，更新 {updated} 人。";
    public static string Row(int row, string reason) => $"第 {row} 行：{reason}";
    public const string MemberSaved = "成员信息已保存。";
    public const string MemberRemoved = "成员已移除。";
    public static string Reissued(string name) => $"已为{name}重新生成邀请码，原邀请码已失效。";
    public const string MobileTaken = "该手机号已用于本支部其他成员。";

    // Records.
    public const string RecordSaved = "记录已保存。";

    // Reminders.
    public const string SettingMissing = "请选择设置项并填写内容。";

    // Notices.
    public const string NoticeEmpty = "请填写通知内容。";
    public static string NoticeTooLong(int max) => $"通知内容不能超过 {max} 字。";
    public static string NoticeStarted(int total) => $"正在发送通知（共 {total} 人），送达情况见下表。";

    private static string Minutes(TimeSpan span) => Math.Max(1, (int)Math.Round(span.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
}
