namespace PartyAffairs.Bot.Knowledge;

/// <summary>Chinese texts of the knowledge API and CLI.</summary>
internal static class KnowledgeApiTexts
{
    public const string EmptyQuestion = "请输入要询问的问题（参数 q 不能为空）。";

    public static string QuestionTooLong(int max) => $"问题过长，请控制在 {max} 个字以内。";
}
