using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Admin;

/// <summary>
/// The rows of a roster file, or why rows were rejected (then nothing may be imported); <see cref="Dues"/> are the
/// assessments the optional dues columns ask for.
/// </summary>
public sealed record RosterParseResult(IReadOnlyList<NewMember> Rows, IReadOnlyList<RosterRowError> Errors, IReadOnlyList<RosterDues>? Dues = null)
{
    /// <summary>True when every row is valid.</summary>
    public bool IsValid => Errors.Count == 0;
}
