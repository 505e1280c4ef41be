using System.Globalization;
using System.Text;
using PartyAffairs.Bot.Admin;

namespace PartyAffairs.Bot.Operations;

/// <summary>The start-up banner operators read in the log, in Chinese and English (never the admin token itself).</summary>
internal static class StartupTexts
{
    /// <summary>The banner: where the chat page and the console are, how to get the admin credential, where data is.</summary>
    public static string Banner(string baseUrl, AdminCredentialSource credential, string tokenFile, string readCommand, string dataDir)
    {
        var text = new StringBuilder();
        Line(text, "党务提醒助手已启动 · Party-affairs reminder bot is running");
        Line(text, $"  聊天页面 Chat page      {baseUrl}/");
        Line(text, $"  管理控制台 Console      {baseUrl}/console");
        switch (credential)
        {
            case AdminCredentialSource.Configured:
                Line(text, "  管理员令牌 Admin token  使用配置项 Admin:Token · from the configuration (Admin:Token)");
                break;
            case AdminCredentialSource.Generated or AdminCredentialSource.GeneratedEarlier:
                var when = credential == AdminCredentialSource.Generated ? "本次首次运行时生成" : "首次运行时生成";
                var whenEnglish = credential == AdminCredentialSource.Generated ? "generated on this first run" : "generated on first run";
                Line(text, $"  管理员令牌 Admin token  {when}，保存在 {tokenFile}（仅本用户可读），查看：{readCommand}");
                Line(text, $"                          {whenEnglish}, kept in {tokenFile} (owner-only); read it with: {readCommand}");
                Line(text, $"                          用法 Use: curl -H \"Authorization: Bearer $({readCommand})\" {baseUrl}/api/admin/branches");
                break;
            default:
                Line(text, "  管理员令牌 Admin token  管理接口未启用，请配置 Admin:Token · admin API disabled: set Admin:Token");
                break;
        }

        Line(text, $"  数据目录 Data folder    {dataDir}");
        return text.ToString().TrimEnd();
    }

    private static void Line(StringBuilder text, string line) => text.Append(CultureInfo.InvariantCulture, $"{line}\n");
}
