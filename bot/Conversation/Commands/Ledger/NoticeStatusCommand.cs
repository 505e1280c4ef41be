using System.Globalization;
using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Ledger.Notices;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>
/// “通知确认情况 [n]”, “谁收到通知了”, “通知谁还没确认”: for the branch's latest notice (or the n-th latest), 已确认 k/n, the
/// names not yet acknowledged and who is 未绑定 — names only, no times, no ranking. Secretaries only.
/// </summary>
internal sealed class NoticeStatusCommand(NoticeService notices, BranchClock clock) : IChatCommand
{
    public string Name => "notice-status";

    public RequiredRole RequiredRole => RequiredRole.Secretary;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.NoticeStatus;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        var position = context.Input.Intent.Entities.Position ?? 1;
        if (await notices.LatestAsync(member.BranchId, position, cancellationToken) is not { } notice)
        {
            await context.SendAsync(position == 1 ? Replies.NoticeStatusNone : Replies.NoticeStatusNotFound(position), cancellationToken);
            return;
        }

        var zone = await clock.ZoneAsync(member.BranchId, cancellationToken);
        var date = TimeZoneInfo.ConvertTime(notice.SentAt, zone).ToString("M月d日", CultureInfo.InvariantCulture);
        await context.SendAsync(
            Replies.NoticeStatus(date, notice.SenderName, notice.Text, notice.AcknowledgedBy.Count, notice.Expected.Count,
                notice.NotAcknowledged.Select(a => a.Name).ToArray(), notice.UnboundAddressees.Select(a => a.Name).ToArray(), notice.Finished),
            cancellationToken);
    }
}
