using PartyAffairs.Bot.Conversation.Commands;
using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Dialogs;

/// <summary>
/// A secretary's notice between preview and broadcast: started by <see cref="NoticeCommand"/>, then “确认” sends it to
/// the branch (the role is checked again: it may have changed since the preview) and “取消” drops it. It times out after
/// <see cref="Lifetime"/>.
/// </summary>
internal sealed class NoticeDialog(RosterStore roster, NoticeRounds rounds, TimeProvider time) : IDialog
{
    /// <summary>How long a notice preview can be confirmed.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public string Kind => PendingKinds.Notice;

    public bool Continues(TurnInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Intent.Kind is IntentKind.Confirm or IntentKind.Cancel || input.IfPending is not null;
    }

    /// <summary>The step that starts the dialog for <paramref name="member"/>'s notice <paramref name="text"/>.</summary>
    public PendingStep Start(string stepId, Member member, string text, int recipients) => new()
    {
        Kind = Kind,
        Id = stepId,
        MemberId = member.Id,
        BranchId = member.BranchId,
        Text = text,
        RecipientCount = recipients,
        ExpiresAt = time.GetUtcNow() + Lifetime,
    };

    public async Task ContinueAsync(CommandContext context, PendingStep step, bool expired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(step);
        if (context.Input.Kind == IntentKind.Cancel)
        {
            await context.SendAsync(Replies.PendingCancelled, cancellationToken);
            return;
        }

        if (expired)
        {
            await context.SendAsync(Replies.PendingExpired, cancellationToken);
            return;
        }

        if (!await RoleGate.AdmitAsync(context, RequiredRole.Secretary, cancellationToken))
        {
            return;
        }

        var member = context.BoundMember;
        var branch = await roster.GetBranchAsync(step.BranchId, cancellationToken);
        var recipients = (await roster.ListMembersAsync(step.BranchId, cancellationToken)).Where(m => m.Id != member.Id).ToArray();
        var branchName = branch?.Name ?? step.BranchId;
        var text = step.Text ?? string.Empty;
        // Saved before the turn answers: an acknowledged notice survives a crash or shutdown and is resumed.
        var (round, saved) = await rounds.SaveNoticeAsync(
            step.BranchId, branchName, step.Id, member.Id, member.Name, text, recipients, context.Activity.GetConversationReference(), cancellationToken);
        await context.SendAsync(Replies.NoticeSending(round.Total, round.Groups.Select(g => g.ChannelId).ToArray()), cancellationToken);
        rounds.Start(saved);
    }
}
