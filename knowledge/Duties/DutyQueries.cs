namespace PartyAffairs.Knowledge.Duties;

/// <summary>
/// Ways to pick duties out of <see cref="IKnowledgeBase.Duties"/> by canonical kind and actor, for the scheduler and the
/// conversation. Kinds are the <see cref="DutyKinds"/> constants; actors are <see cref="DutyActors"/> names, and any
/// spelling <see cref="DutyActors.Normalize"/> understands (支部书记, 党委（党组）书记 …) is accepted.
/// </summary>
public static class DutyQueries
{
    /// <summary>The duties of one canonical kind (for example <see cref="DutyKinds.BranchCommittee"/>), from every document.</summary>
    public static IEnumerable<Duty> OfKind(this IEnumerable<Duty> duties, string kind)
    {
        ArgumentNullException.ThrowIfNull(duties);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return duties.Where(d => string.Equals(d.Kind, kind, StringComparison.Ordinal));
    }

    /// <summary>The duties that bind any of the given actors (for example 党支部 and 党支部书记 for a branch).</summary>
    public static IEnumerable<Duty> ForActors(this IEnumerable<Duty> duties, params string[] actors)
    {
        ArgumentNullException.ThrowIfNull(duties);
        ArgumentNullException.ThrowIfNull(actors);
        var wanted = actors.Select(a => DutyActors.Normalize(a) ?? a).ToHashSet(StringComparer.Ordinal);
        return duties.Where(d => d.Actor is not null && wanted.Contains(d.Actor));
    }

    /// <summary>The duties of one document (a branch may bind itself to some documents only).</summary>
    public static IEnumerable<Duty> FromDocuments(this IEnumerable<Duty> duties, params string[] documentIds)
    {
        ArgumentNullException.ThrowIfNull(duties);
        ArgumentNullException.ThrowIfNull(documentIds);
        return duties.Where(d => documentIds.Contains(d.Document, StringComparer.Ordinal));
    }

    /// <summary>Duties grouped by canonical kind; duties without a kind are left out.</summary>
    public static ILookup<string, Duty> ByKind(this IEnumerable<Duty> duties)
    {
        ArgumentNullException.ThrowIfNull(duties);
        return duties.Where(d => d.Kind is not null).ToLookup(d => d.Kind!, StringComparer.Ordinal);
    }
}
