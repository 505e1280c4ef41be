using PartyAffairs.Knowledge;

namespace PartyAffairs.Scheduler.Duties;

/// <summary>
/// The tracked-duty catalog of the knowledge base as it is now: the knowledge base loads (and reloads) after the host
/// has built its services, so the catalog is rebuilt whenever the knowledge base's duty list changes, never frozen early.
/// </summary>
public sealed class KnowledgeBaseDutyCatalog(IKnowledgeBase knowledgeBase) : ITrackedDutyCatalog
{
    private Snapshot? _current;

    /// <inheritdoc />
    public IReadOnlyList<TrackedDuty> All => Current.All;

    /// <inheritdoc />
    public IReadOnlyList<TrackedDuty> ForRole(string role) => Current.ForRole(role);

    /// <inheritdoc />
    public TrackedDuty? Find(string kindOrAlias) => Current.Find(kindOrAlias);

    private KnowledgeDutyCatalog Current
    {
        get
        {
            var duties = knowledgeBase.Duties;
            var current = Volatile.Read(ref _current);
            if (current is not null && ReferenceEquals(current.Duties, duties))
            {
                return current.Catalog;
            }

            // A race here builds the same catalog twice; both are correct, the last one stays.
            var built = new KnowledgeDutyCatalog(duties);
            Volatile.Write(ref _current, new Snapshot(duties, built));
            return built;
        }
    }

    private sealed record Snapshot(IReadOnlyList<Duty> Duties, KnowledgeDutyCatalog Catalog);
}
