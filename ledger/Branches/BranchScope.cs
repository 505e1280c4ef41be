using PartyAffairs.Ledger.Roster;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Ledger.Branches;

/// <summary>What the ledger needs to know about a branch for one operation: its roster, duties, documents and today.</summary>
public sealed record BranchScope
{
    /// <summary>The branch.</summary>
    public required RosterBranch Branch { get; init; }

    /// <summary>Its members, in roster order.</summary>
    public required IReadOnlyList<RosterMember> Members { get; init; }

    /// <summary>The duties it tracks (narrowed to its binding documents).</summary>
    public required ITrackedDutyCatalog Duties { get; init; }

    /// <summary>Its binding documents (empty: every document).</summary>
    public required IReadOnlyList<string> BindingDocuments { get; init; }

    /// <summary>Its time zone (Asia/Shanghai unless set).</summary>
    public required TimeZoneInfo Zone { get; init; }

    /// <summary>Today in its time zone.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The earliest date a record may have: 1 January of the year before the branch was added, so this and last year's 台账 can be entered.</summary>
    public DateOnly EarliestRecordDate => new(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Branch.CreatedAt, Zone).DateTime).Year - 1, 1, 1);

    /// <summary>The member with this id, or null.</summary>
    public RosterMember? Member(string memberId) => Members.FirstOrDefault(m => m.Id == memberId);
}
