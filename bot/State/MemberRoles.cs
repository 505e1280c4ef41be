using PartyAffairs.Knowledge.Vocabulary;

namespace PartyAffairs.Bot.State;

/// <summary>The roles a roster may give a member, and which of them may run secretary commands: a view over <see cref="PartyVocabulary"/>.</summary>
public static class MemberRoles
{
    /// <summary>Every role a roster row may name, in the vocabulary's order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. PartyVocabulary.Shipped.RosterRoles.Select(r => r.Name)];

    private static readonly HashSet<string> Secretaries = [.. PartyVocabulary.Shipped.SecretaryRoles];

    /// <summary>True for a role a roster may name.</summary>
    public static bool IsValid(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>True for roles that may send notices, see completion and nudge (书记, 副书记).</summary>
    public static bool IsSecretary(string? role) => role is not null && Secretaries.Contains(role);
}
