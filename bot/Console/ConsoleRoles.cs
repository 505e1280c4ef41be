using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.WebConsole;

/// <summary>Who may open a branch's console: the roles that see completion (书记, 副书记) and the 组织委员.</summary>
public static class ConsoleRoles
{
    /// <summary>The organization member of the branch committee, who keeps the roster and the 台账.</summary>
    public const string OrganizationCommissioner = "组织委员";

    /// <summary>True when a member with <paramref name="role"/> may sign in to the console.</summary>
    public static bool MayOpen(string? role) => MemberRoles.IsSecretary(role) || role == OrganizationCommissioner;
}
