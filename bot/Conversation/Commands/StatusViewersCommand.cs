using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“设置完成情况查看 党支部书记、副书记、组织委员”: which roster roles may view 完成情况 (secretaries only).</summary>
internal sealed class StatusViewersCommand(ConversationSettingsStore settings) : IChatCommand
{
    /// <summary>The command's opening words.</summary>
    public const string Prefix = "设置完成情况查看";

    private static readonly char[] Separators = [' ', '\u3000', '、', ',', '，', ';', '；', ':', '：'];

    public string Name => "status-viewers";

    public RequiredRole RequiredRole => RequiredRole.Secretary;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input) => Handles(input.Text);

    /// <summary>True for this command's text.</summary>
    public static bool Handles(string text) => text.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var roles = context.Input.Text[Prefix.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r is "书记" ? "党支部书记" : r).ToArray();
        var next = new BranchConversationSettings { StatusViewers = roles };
        if (!await settings.SaveAsync(context.BoundMember.BranchId, next, cancellationToken))
        {
            await context.SendAsync(Replies.StatusViewersUsage + "可选职务：" + string.Join('、', MemberRoles.All), cancellationToken);
            return;
        }

        await context.SendAsync(Replies.StatusViewersSaved(roles.Distinct().ToArray()), cancellationToken);
    }
}
