using System.Collections.Concurrent;
using PartyAffairs.Knowledge;

namespace PartyAffairs.Scheduler.Duties;

/// <summary>Catalogs narrowed to a branch's binding documents, built once per distinct choice of documents.</summary>
public sealed class BranchDutyCatalogs(IReadOnlyList<Duty> duties, IReadOnlyList<SourceDocument> documents)
{
    private readonly ConcurrentDictionary<string, KnowledgeDutyCatalog> _cache = new(StringComparer.Ordinal);

    /// <summary>Document id → title, for citations.</summary>
    public IReadOnlyDictionary<string, string> Titles { get; } = documents.ToDictionary(d => d.Id, d => d.Title, StringComparer.Ordinal);

    /// <summary>Every document id of the corpus.</summary>
    public IReadOnlyCollection<string> DocumentIds { get; } = documents.Select(d => d.Id).ToArray();

    /// <summary>The catalog for a branch bound by <paramref name="bindingDocuments"/> (empty: every document).</summary>
    public ITrackedDutyCatalog For(IReadOnlyList<string> bindingDocuments)
    {
        ArgumentNullException.ThrowIfNull(bindingDocuments);
        var key = string.Join(',', bindingDocuments.Order(StringComparer.Ordinal));
        return _cache.GetOrAdd(key, _ => new KnowledgeDutyCatalog(duties, bindingDocuments));
    }
}
