namespace PartyAffairs.Scheduler.Settings;

/// <summary>How a branch fixes its themed party day (主题党日).</summary>
public enum ThemedDayRuleKind
{
    /// <summary>每月第N个星期X (N = 1…5, or -1 for the last).</summary>
    NthWeekday,

    /// <summary>每月X日 (a day that a month lacks becomes its last day).</summary>
    DayOfMonth,

    /// <summary>Explicit dates.</summary>
    Dates,
}
