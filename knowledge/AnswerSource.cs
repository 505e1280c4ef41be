namespace PartyAffairs.Knowledge;

/// <summary>A clause cited by an answer.</summary>
public sealed record AnswerSource
{
    /// <summary>The document's id.</summary>
    public required string Document { get; init; }

    /// <summary>The document's title.</summary>
    public required string DocumentTitle { get; init; }

    /// <summary>The clause id within the document.</summary>
    public required string ClauseId { get; init; }

    /// <summary>The complete clause text, as written.</summary>
    public required string Text { get; init; }

    /// <summary>Relevance score; higher is better.</summary>
    public required double Score { get; init; }
}
