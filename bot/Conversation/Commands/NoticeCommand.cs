using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.Conversation.Dialogs;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>“通知 内容”: shows the secretary a preview and starts the <see cref="NoticeDialog"/> (确认 sends, 取消 drops).</summary>
internal sealed class NoticeCommand(RosterStore roster, NoticeDialog dialog, DialogSet dialogs) : IChatCommand
{
    public string Name => "notice";

    public RequiredRole RequiredRole => RequiredRole.Secretary;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.Notice;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        var text = context.Input.Intent.Argument; // exactly as written: its final 。/！ stays
        if (text.Length == 0)
        {
            await context.SendAsync(Replies.NoticeUsage, cancellationToken);
            return;
        }

        var recipients = (await roster.ListMembersAsync(member.BranchId, cancellationToken)).Count(m => m.Id != member.Id);
        if (recipients == 0)
        {
            await context.SendAsync(Replies.NoticeNoRecipients, cancellationToken);
            return;
        }

        await dialogs.BeginAsync(context, dialog.Start(context.Activity.Id ?? Guid.NewGuid().ToString("N"), member, text, recipients), cancellationToken);
        await context.SendAsync(Replies.NoticePreview(text, recipients), cancellationToken, Replies.ActionConfirm, Replies.ActionCancel);
    }
}
