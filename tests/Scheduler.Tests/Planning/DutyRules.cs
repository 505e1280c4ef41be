using PartyAffairs.Knowledge;

namespace PartyAffairs.Scheduler.Tests.Planning;

/// <summary>Duties as the knowledge base extracts them, for planning and delivery tests.</summary>
internal static class DutyRules
{
    /// <summary>A duty as the knowledge base extracts it from document 003.</summary>
    public static Duty Rule(string kind, string period, int count, string? actor = "党支部", string summary = "规定") => new()
    {
        Id = $"003-{kind}-{period}-{count}",
        Document = "003",
        ClauseId = "二.(一).3",
        Text = summary,
        Actor = actor,
        Kind = kind,
        Summary = summary,
        Period = period,
        Count = count,
    };
}
