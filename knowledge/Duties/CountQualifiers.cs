namespace PartyAffairs.Knowledge.Duties;

/// <summary>How firmly a document states a count or quota.</summary>
[Flags]
public enum CountQualifiers
{
    /// <summary>Stated plainly ("每月1次").</summary>
    None = 0,

    /// <summary>A minimum: 至少, 不少于, 不低于, 以上.</summary>
    AtLeast = 1,

    /// <summary>As a rule, with exceptions allowed: 一般, 一般情况下.</summary>
    Usually = 2,

    /// <summary>In principle: 原则上.</summary>
    InPrinciple = 4,
}
