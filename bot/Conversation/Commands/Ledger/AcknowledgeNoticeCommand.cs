using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Ledger.Notices;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>
/// A member's 收到 for a notice: the notice's button (“收到通知 12”) acknowledges that notice; a plain 收到 (收到了, 已收到,
/// 好的收到) acknowledges the member's latest notice of the last <see cref="Window"/> not yet acknowledged, and is answered
/// as thanks when there is none. Recorded once per notice and member (<see cref="NoticeService.AcknowledgeAsync"/>).
/// </summary>
internal sealed class AcknowledgeNoticeCommand(NoticeService notices, TimeProvider time) : IChatCommand
{
    /// <summary>How long after a notice a plain 收到 still acknowledges it.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public string Name => "notice-acknowledge";

    // Anyone: a plain 收到 from someone not bound is small talk; the button asks them to bind.
    public RequiredRole RequiredRole => RequiredRole.Anyone;

    // Before small talk, which reads the same 收到 as thanks.
    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input) =>
        input.Intent.Kind == IntentKind.AcknowledgeNotice || input.Intent is { Kind: IntentKind.Thanks, Entities.AcknowledgesNotice: true };

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var button = context.Input.Intent.Kind == IntentKind.AcknowledgeNotice;
        if (context.Member is not { } member)
        {
            if (button)
            {
                await RoleGate.AdmitAsync(context, RequiredRole.BoundMember, cancellationToken);
            }
            else
            {
                await context.SendAsync(Replies.Thanks, cancellationToken);
            }

            return;
        }

        var number = button
            ? context.Input.Intent.Entities.NoticeNumber
            : await notices.PendingAsync(member.BranchId, member.Id, time.GetUtcNow() - Window, cancellationToken);
        if (number is not { } id)
        {
            await context.SendAsync(Replies.Thanks, cancellationToken);
            return;
        }

        var status = await notices.AcknowledgeAsync(member.BranchId, id, member.Id, context.Activity.Id, cancellationToken);
        await context.SendAsync(
            status switch
            {
                AcknowledgeStatus.Recorded => Replies.NoticeAcknowledged,
                AcknowledgeStatus.AlreadyAcknowledged => Replies.NoticeAlreadyAcknowledged,
                _ => Replies.NoticeNotFound,
            },
            cancellationToken);
    }
}
