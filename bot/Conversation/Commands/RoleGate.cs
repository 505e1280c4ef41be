using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// The one place that decides whether a member may run something of a <see cref="RequiredRole"/>, and how a refusal
/// reads: unbound users get the bind prompt, members without the role “仅限书记、副书记”. The roles that count as
/// secretary come from <see cref="MemberRoles.IsSecretary"/>.
/// </summary>
internal static class RoleGate
{
    /// <summary>True when <paramref name="member"/> (null: unbound) has <paramref name="required"/>.</summary>
    public static bool Allows(RequiredRole required, Member? member) => required switch
    {
        RequiredRole.Anyone => true,
        RequiredRole.BoundMember => member is not null,
        RequiredRole.Secretary => member is not null && MemberRoles.IsSecretary(member.Role),
        _ => false,
    };

    /// <summary>True when the sender has <paramref name="required"/>; otherwise answers with the refusal and returns false.</summary>
    public static async Task<bool> AdmitAsync(CommandContext context, RequiredRole required, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Allows(required, context.Member))
        {
            return true;
        }

        await (context.Member is null
            ? context.SendAsync(Replies.NotBound, cancellationToken, Replies.ActionHelp)
            : context.SendAsync(Replies.SecretaryOnly, cancellationToken, Replies.ActionMyDuties, Replies.ActionHelp));
        return false;
    }
}
