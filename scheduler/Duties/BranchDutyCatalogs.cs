using System.Collections.Concurrent;
using PartyAffairs.Knowledge;

namespace PartyAffairs.Scheduler.Duties;

/// <summary>
/// Catalogs narrowed to a branch's binding documents, built once per distinct choice of documents. Built over a knowledge
/// base, they follow it as it loads and reloads (it loads after the host has built its services), never frozen empty.
/// </summary>
public sealed class BranchDutyCatalogs
{
    private readonly Func<IReadOnlyList<Duty>> _duties;
    private readonly Func<IReadOnlyList<SourceDocument>> _documents;
    private Snapshot? _current;

    /// <summary>Catalogs over fixed duties and documents.</summary>
    public BranchDutyCatalogs(IReadOnlyList<Duty> duties, IReadOnlyList<SourceDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(duties);
        ArgumentNullException.ThrowIfNull(documents);
        (_duties, _documents) = (() => duties, () => documents);
    }

    /// <summary>Catalogs over the knowledge base as it is at each use.</summary>
    public BranchDutyCatalogs(IKnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        (_duties, _documents) = (() => knowledgeBase.Duties, () => knowledgeBase.Documents);
    }

    /// <summary>Document id → title, for citations.</summary>
    public IReadOnlyDictionary<string, string> Titles => Current.Titles;

    /// <summary>Every document id of the corpus.</summary>
    public IReadOnlyCollection<string> DocumentIds => Current.DocumentIds;

    /// <summary>The catalog for a branch bound by <paramref name="bindingDocuments"/> (empty: every document).</summary>
    public ITrackedDutyCatalog For(IReadOnlyList<string> bindingDocuments)
    {
        ArgumentNullException.ThrowIfNull(bindingDocuments);
        var current = Current;
        var key = string.Join(',', bindingDocuments.Order(StringComparer.Ordinal));
        return current.Cache.GetOrAdd(key, _ => new KnowledgeDutyCatalog(current.Duties, bindingDocuments));
    }

    private Snapshot Current
    {
        get
        {
            var (duties, documents) = (_duties(), _documents());
            var current = Volatile.Read(ref _current);
            if (current is not null && ReferenceEquals(current.Duties, duties) && ReferenceEquals(current.Documents, documents))
            {
                return current;
            }

            // A race here builds the same snapshot twice; both are correct, the last one stays.
            var built = new Snapshot(duties, documents);
            Volatile.Write(ref _current, built);
            return built;
        }
    }

    private sealed class Snapshot(IReadOnlyList<Duty> duties, IReadOnlyList<SourceDocument> documents)
    {
        public IReadOnlyList<Duty> Duties { get; } = duties;

        public IReadOnlyList<SourceDocument> Documents { get; } = documents;

        public IReadOnlyDictionary<string, string> Titles { get; } = documents.ToDictionary(d => d.Id, d => d.Title, StringComparer.Ordinal);

        public IReadOnlyCollection<string> DocumentIds { get; } = documents.Select(d => d.Id).ToArray();

        public ConcurrentDictionary<string, KnowledgeDutyCatalog> Cache { get; } = new(StringComparer.Ordinal);
    }
}
