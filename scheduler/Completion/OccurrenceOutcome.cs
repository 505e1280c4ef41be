namespace PartyAffairs.Scheduler.Completion;

/// <summary>The result of counting one occurrence of a duty required several times per period.</summary>
/// <param name="Added">False when this occurrence was counted already (same subject, duty, period and occurrence key).</param>
/// <param name="Count">Occurrences counted in the period after this call.</param>
/// <param name="Required">Occurrences the period requires.</param>
public sealed record OccurrenceOutcome(bool Added, int Count, int Required)
{
    /// <summary>True once the required number is reached (the completion record is then written).</summary>
    public bool Reached => Count >= Required;
}
