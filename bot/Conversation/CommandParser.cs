namespace PartyAffairs.Bot.Conversation;

/// <summary>Reads a chat message as a command. Completion phrases only name a candidate duty; the bot checks it exists.</summary>
internal static class CommandParser
{
    private static readonly string[] HelpWords = ["帮助", "help", "?", "？", "菜单", "使用说明"];

    private static readonly string[] MyDutiesWords =
        ["我的待办", "待办", "我的任务", "这个月要做什么", "本月要做什么", "这个月做什么", "本期待办", "还有什么没做"];

    // Longest first, so "已经" wins over "已".
    private static readonly string[] CompletionPrefixes =
        ["我已经", "我已", "已经", "已", "完成了", "完成", "参加了", "参加", "交了", "做完了"];

    private static readonly string[] QuestionMarkers = ["？", "?", "吗", "怎么", "如何", "什么", "多久", "几次", "哪些", "是否"];

    private static readonly char[] Trailing = ['。', '.', '!', '！', '~', '～', ' '];

    /// <summary>Parses <paramref name="text"/>; never throws.</summary>
    public static ParsedCommand Parse(string? text)
    {
        var t = (text ?? string.Empty).Trim().TrimEnd(Trailing).Trim();
        if (t.Length == 0)
        {
            return new ParsedCommand(CommandKind.Help);
        }

        if (HelpWords.Contains(t, StringComparer.OrdinalIgnoreCase))
        {
            return new ParsedCommand(CommandKind.Help);
        }

        if (MyDutiesWords.Contains(t.TrimEnd('？', '?'), StringComparer.Ordinal))
        {
            return new ParsedCommand(CommandKind.MyDuties);
        }

        switch (t)
        {
            case "撤销" or "撤回" or "撤销确认":
                return new ParsedCommand(CommandKind.Undo);
            case "确认" or "确认发送" or "确定":
                return new ParsedCommand(CommandKind.Confirm);
            case "取消" or "放弃":
                return new ParsedCommand(CommandKind.Cancel);
        }

        if (Prefixed(t, "绑定", out var code))
        {
            return new ParsedCommand(CommandKind.Bind, code);
        }

        if (Prefixed(t, "完成情况", out var duty))
        {
            return new ParsedCommand(CommandKind.Status, duty);
        }

        if (Prefixed(t, "通知", out var notice))
        {
            return new ParsedCommand(CommandKind.Notice, notice);
        }

        if (Prefixed(t, "催办", out var nudge))
        {
            return new ParsedCommand(CommandKind.Nudge, nudge);
        }

        if (Prefixed(t, "请假", out var leave))
        {
            return new ParsedCommand(CommandKind.Leave, leave);
        }

        foreach (var prefix in CompletionPrefixes)
        {
            if (t.Length > prefix.Length && t.StartsWith(prefix, StringComparison.Ordinal) && !LooksLikeQuestion(t))
            {
                return new ParsedCommand(CommandKind.Complete, t[prefix.Length..].Trim());
            }
        }

        return new ParsedCommand(CommandKind.Question, t);
    }

    /// <summary>True for text that reads as a question rather than a command (so "请假怎么办？" goes to the knowledge base).</summary>
    public static bool LooksLikeQuestion(string text) =>
        QuestionMarkers.Any(m => text.Contains(m, StringComparison.Ordinal));

    /// <summary>The names to look a confirmed duty up by: the phrase as given, then without a leading verb (交, 参加了 …).</summary>
    public static IEnumerable<string> DutyCandidates(string phrase)
    {
        var current = phrase.Trim();
        yield return current;
        foreach (var prefix in CompletionPrefixes.Concat(["交纳", "缴纳", "交", "缴", "上", "听", "讲", "开展", "召开", "学习"]))
        {
            if (current.Length > prefix.Length && current.StartsWith(prefix, StringComparison.Ordinal))
            {
                current = current[prefix.Length..].Trim();
                yield return current;
            }
        }
    }

    private static bool Prefixed(string text, string command, out string argument)
    {
        argument = string.Empty;
        if (!text.StartsWith(command, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text[command.Length..];
        argument = rest.TrimStart(' ', '\u3000', ':', '：', ',', '，').Trim();
        return true;
    }
}
