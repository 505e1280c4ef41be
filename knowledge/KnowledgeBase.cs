using PartyAffairs.Knowledge.Corpus;
using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Knowledge.Retrieval;

namespace PartyAffairs.Knowledge;

/// <summary>
/// The knowledge base: the loaded corpus, its duties and its retriever, answering questions with citations. A load swaps
/// in a complete new state at once; a reload that meets a bad document keeps the current state serving unchanged.
/// </summary>
public sealed class KnowledgeBase : IKnowledgeBase
{
    private readonly CorpusLoader loader;
    private readonly DutyExtractor dutyExtractor;
    private volatile State? state;

    /// <summary>Creates an empty knowledge base; <see cref="LoadAsync"/> fills it.</summary>
    public KnowledgeBase(CorpusLoader? loader = null, DutyExtractor? dutyExtractor = null)
    {
        this.loader = loader ?? new CorpusLoader();
        this.dutyExtractor = dutyExtractor ?? new DutyExtractor();
    }

    /// <summary>True once a corpus has been loaded.</summary>
    public bool IsLoaded => state is not null;

    /// <inheritdoc />
    public IReadOnlyList<SourceDocument> Documents => state?.Documents ?? [];

    /// <summary>Every clause of the loaded corpus.</summary>
    public IReadOnlyList<Clause> Clauses => state?.Clauses ?? [];

    /// <inheritdoc />
    public IReadOnlyList<Duty> Duties => state?.Duties ?? [];

    /// <summary>Builds a loaded knowledge base from an already loaded corpus.</summary>
    public static KnowledgeBase Create(CorpusLoadResult corpus, DutyExtractor? dutyExtractor = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var knowledgeBase = new KnowledgeBase(dutyExtractor: dutyExtractor);
        knowledgeBase.state = knowledgeBase.Build(corpus);
        return knowledgeBase;
    }

    /// <summary>
    /// Loads the corpus directory. The first load serves every good document even when some are bad; a later load is
    /// all or nothing: if any document is bad, the current state keeps serving. Returns the bad documents.
    /// </summary>
    public async Task<IReadOnlyList<CorpusError>> LoadAsync(string corpusDirectory, CancellationToken cancellationToken = default)
    {
        var corpus = await loader.LoadDirectoryAsync(corpusDirectory, cancellationToken).ConfigureAwait(false);
        if ((state is not null && corpus.Errors.Count > 0) || corpus.Parsed.Count == 0)
        {
            return corpus.Errors;
        }

        state = Build(corpus);
        return corpus.Errors;
    }

    /// <inheritdoc />
    /// <remarks>A role re-ranks, never filters: see <see cref="IKnowledgeBase.Ask"/>.</remarks>
    public KnowledgeAnswer Ask(string question, string? role = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var current = state;
        if (current is null)
        {
            return new KnowledgeAnswer { Answered = false, Answer = KnowledgeTexts.NotLoaded };
        }

        var result = current.Retriever.Search(question.Trim(), role, take: 8);
        return AnswerComposer.Compose(result, current.Duties, current.Retriever.NormalizedText, current.Retriever.RowItems);
    }

    private State Build(CorpusLoadResult corpus)
    {
        var documents = corpus.Documents;
        var clauses = corpus.Clauses;
        return new State(documents, clauses, dutyExtractor.Extract(documents, clauses), new ClauseRetriever(documents, clauses));
    }

    // Replaced states are left to the collector rather than disposed: a question may still be reading one.
    private sealed record State(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<Clause> Clauses, IReadOnlyList<Duty> Duties, ClauseRetriever Retriever);
}
