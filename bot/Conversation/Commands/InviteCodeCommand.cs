using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// “张三的邀请码” / “重发邀请码 张三”: a secretary looks up a member's unused invite code, or issues a new one (the old one
/// stops working). Codes are never shown to anyone else (<see cref="RequiredRole.Secretary"/>), and only for the
/// secretary's own branch.
/// </summary>
internal sealed class InviteCodeCommand(RosterStore roster) : IChatCommand
{
    public string Name => "invite-code";

    public RequiredRole RequiredRole => RequiredRole.Secretary;

    public CommandPrecedence Precedence => CommandPrecedence.Parsed;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.InviteCode;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var secretary = context.BoundMember;
        var entities = context.Input.Intent.Entities;
        if (entities.PersonName is not { } name)
        {
            await context.SendAsync(Replies.InviteUsage, cancellationToken);
            return;
        }

        var matches = (await roster.ListMembersAsync(secretary.BranchId, cancellationToken)).Where(m => m.Name == name).ToArray();
        if (matches.Length == 0)
        {
            await context.SendAsync(Replies.InviteNoSuchMember, cancellationToken);
            return;
        }

        if (matches.Length > 1)
        {
            await context.SendAsync(Replies.InviteAmbiguous(name), cancellationToken);
            return;
        }

        var member = matches[0];
        if (entities.Reissue)
        {
            var code = await roster.IssueInviteAsync(member.Id, cancellationToken);
            await context.SendAsync(code is null ? Replies.InviteNoSuchMember : Replies.InviteReissued(member.Name, code), cancellationToken);
            return;
        }

        var existing = (await roster.ListInvitesAsync(secretary.BranchId, cancellationToken)).FirstOrDefault(i => i.MemberId == member.Id);
        await context.SendAsync(existing is null ? Replies.InviteNone(member.Name) : Replies.InviteCode(member.Name, existing.Code), cancellationToken);
    }
}
