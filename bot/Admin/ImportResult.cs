namespace PartyAffairs.Bot.Admin;

/// <summary>Response of a roster import: counts and each imported member with the code they bind with.</summary>
public sealed record ImportResult(int Imported, int Created, int Updated, IReadOnlyList<MemberView> Members)
{
    /// <summary>How many members got a new dues assessment from the roster's 类别/月收入 columns (unchanged ones are not counted).</summary>
    public int DuesAssessed { get; init; }
}
