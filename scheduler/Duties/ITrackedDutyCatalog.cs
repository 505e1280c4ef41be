namespace PartyAffairs.Scheduler.Duties;

/// <summary>The periodic duties a branch tracks, built from the knowledge base and the branch's chosen documents.</summary>
public interface ITrackedDutyCatalog
{
    /// <summary>Every tracked duty.</summary>
    IReadOnlyList<TrackedDuty> All { get; }

    /// <summary>The duties that apply to a member with <paramref name="role"/> (党员, 党支部书记, 组织委员 …).</summary>
    IReadOnlyList<TrackedDuty> ForRole(string role);

    /// <summary>Finds a duty by its kind or one of its aliases (“党费”, “交党费”, “党课”); null when none matches.</summary>
    TrackedDuty? Find(string kindOrAlias);
}
