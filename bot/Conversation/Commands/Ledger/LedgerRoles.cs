using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>
/// Who may keep the branch's 台账 in chat (records, dues assessments, the export): the secretaries
/// (<see cref="MemberRoles.IsSecretary"/>) and the 组织委员, who keeps the records and the dues in most branches.
/// The one place this is decided for the ledger commands.
/// </summary>
internal static class LedgerRoles
{
    /// <summary>The role that keeps records besides the secretaries.</summary>
    public const string OrganizationCommissioner = "组织委员";

    /// <summary>True when <paramref name="member"/> may record meetings, set dues and export the 台账.</summary>
    public static bool MayKeepLedger(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return MemberRoles.IsSecretary(member.Role) || member.Role == OrganizationCommissioner;
    }

    /// <summary>True when the answer must not disclose personal figures (amounts, incomes): a group or channel conversation.</summary>
    public static bool IsGroup(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Activity.Conversation?.IsGroup == true;
    }
}
