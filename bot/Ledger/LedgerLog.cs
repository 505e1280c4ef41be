namespace PartyAffairs.Bot.Ledger;

/// <summary>Log messages of the Ledger area; never members' incomes or record contents.</summary>
internal static partial class LedgerLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Ledger: SQLite file {Path}.")]
    public static partial void UsingSqlite(ILogger logger, string path);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Ledger: PostgreSQL (ConnectionStrings:Ledger).")]
    public static partial void UsingPostgres(ILogger logger);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Ledger ready (migrations applied).")]
    public static partial void Ready(ILogger logger);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Ledger not ready (attempt {Attempt}); trying again in {Delay}.")]
    public static partial void NotReady(ILogger logger, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Ledger: imported completions from Redis: {Records} records, {Occurrences} occurrences found, {Written} rows written, {Skipped} unreadable skipped.")]
    public static partial void Imported(ILogger logger, int records, int occurrences, int written, int skipped);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Record {RecordId} of branch {BranchId} {Action} by {Actor}.")]
    public static partial void RecordChanged(ILogger logger, long recordId, string branchId, string action, string actor);
}
