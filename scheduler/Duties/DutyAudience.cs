namespace PartyAffairs.Scheduler.Duties;

/// <summary>Who confirms a tracked duty.</summary>
public enum DutyAudience
{
    /// <summary>Each member confirms for themself (党费, attending the themed day, study hours).</summary>
    Member,

    /// <summary>The branch does it once; a secretary confirms for the branch (支部委员会 held, 党员大会 held).</summary>
    Branch,

    /// <summary>
    /// Done about each 预备党员 by their 入党介绍人 and the secretaries (预备党员考察): never reminded to the 预备党员 himself.
    /// </summary>
    Probation,
}
