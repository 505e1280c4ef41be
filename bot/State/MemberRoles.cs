using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Bot.State;

/// <summary>The roles a roster may give a member, and which of them may run secretary commands.</summary>
public static class MemberRoles
{
    /// <summary>Party member.</summary>
    public const string Member = "党员";

    /// <summary>Branch secretary.</summary>
    public const string Secretary = "党支部书记";

    /// <summary>Deputy secretary.</summary>
    public const string DeputySecretary = "副书记";

    /// <summary>Every role a roster row may name.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Member, "预备党员", Secretary, DeputySecretary, "组织委员", "宣传委员", "纪检委员", "青年委员", "党小组长"];

    /// <summary>True for a role a roster may name.</summary>
    public static bool IsValid(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>
    /// True for roles that may run secretary commands (notices, completion status, nudges, reminder settings): the
    /// scheduler's <see cref="DutyKinds.SecretaryRoles"/> (书记, 副书记), the one list of them.
    /// </summary>
    public static bool IsSecretary(string? role) => role is not null && DutyKinds.SecretaryRoles.Contains(role, StringComparer.Ordinal);
}
