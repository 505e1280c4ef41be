namespace PartyAffairs.Bot.Knowledge;

/// <summary>Log messages of the Knowledge area.</summary>
internal static partial class KnowledgeLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Knowledge base loaded from {Directory}: {Documents} documents, {Clauses} clauses, {Duties} duties.")]
    public static partial void Loaded(ILogger logger, string directory, int documents, int clauses, int duties);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "Knowledge document rejected: {File}: {Reason}")]
    public static partial void DocumentRejected(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Knowledge base has no documents; check Knowledge:CorpusDir ({Directory}).")]
    public static partial void NothingLoaded(ILogger logger, string directory);
}
