namespace PartyAffairs.Scheduler.Planning;

/// <summary>Where the rule a reminder follows comes from.</summary>
public enum RuleSourceKind
{
    /// <summary>A clause of one of the branch's binding documents.</summary>
    Clause,

    /// <summary>No binding document sets the duty: the national baseline for party branches (the branch work regulations).</summary>
    NationalBaseline,

    /// <summary>No binding document sets the dues: the Party Constitution and the national dues regulations.</summary>
    DuesRegulations,
}
