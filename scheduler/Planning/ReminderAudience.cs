namespace PartyAffairs.Scheduler.Planning;

/// <summary>Who a planned reminder goes to; resolved against the roster and the ledger when it fans out.</summary>
public enum ReminderAudience
{
    /// <summary>Every member without a record (done or leave) for the duty and period.</summary>
    UnconfirmedMembers,

    /// <summary>The secretaries, when the branch has not recorded the duty for the period.</summary>
    SecretariesIfBranchPending,

    /// <summary>The secretaries, with how many members have not confirmed a members' duty.</summary>
    SecretariesWithMemberProgress,

    /// <summary>The secretaries, unconditionally (flags and notices).</summary>
    Secretaries,

    /// <summary>The dues arrears ladder: members at 2 and 4 missed months, secretaries told at 3 and 5.</summary>
    ArrearsLadder,

    /// <summary>
    /// About each 预备党员 whose probation the period covers (from the roster): their 入党介绍人 and the secretaries, never the
    /// 预备党员 himself; one reminder per 预备党员.
    /// </summary>
    ProbationIntroducers,
}
