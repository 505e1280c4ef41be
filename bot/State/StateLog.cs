namespace PartyAffairs.Bot.State;

/// <summary>Log messages of the State area.</summary>
internal static partial class StateLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Store: Redis from Redis:Configuration.")]
    public static partial void UsingRedis(ILogger logger);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Store: embedded Garnet on {EndPoint}, data in {DataDir}.")]
    public static partial void UsingEmbeddedGarnet(ILogger logger, string endPoint, string dataDir);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Store connection failed ({FailureType}) to {EndPoint}.")]
    public static partial void ConnectionFailed(ILogger logger, StackExchange.Redis.ConnectionFailureType failureType, System.Net.EndPoint? endPoint);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Store connection restored to {EndPoint}.")]
    public static partial void ConnectionRestored(ILogger logger, System.Net.EndPoint? endPoint);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug, Message = "Embedded store checkpointed.")]
    public static partial void Checkpointed(ILogger logger);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Embedded store checkpoint failed ({Error}).")]
    public static partial void CheckpointFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "Embedded store: checkpoint #{Sequence} kept ({Keys} keys, {Files} files verified).")]
    public static partial void CheckpointKept(ILogger logger, long sequence, long keys, int files);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Information, Message = "Embedded store: the checkpoint in {Folder} has no manifest (taken before checkpoints were kept, or just before a stop); it is loaded unverified.")]
    public static partial void CheckpointUnverified(ILogger logger, string folder);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "Embedded store: {Findings}. Set aside (damaged files): {Quarantine}. Recovering from kept checkpoint #{Sequence} of {CreatedAt:u} ({Keys} keys) and the append-only file.")]
    public static partial void CheckpointRestored(ILogger logger, string findings, string quarantine, long sequence, DateTimeOffset createdAt, long keys);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Error, Message = "Embedded store: recovered an older checkpoint ({RestoredAt:u}, {RestoredKeys} keys) than the latest ({LatestAt:u}, {LatestKeys} keys). Garnet truncated the append-only file at the latest checkpoint, so writes acknowledged between the two are lost; writes after the latest are replayed. Check recent records (bindings, notices, settings) made in that window.")]
    public static partial void WritesLostByFallback(ILogger logger, DateTimeOffset restoredAt, DateTimeOffset latestAt, long latestKeys, long restoredKeys);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Warning, Message = "Embedded store: {Findings}. Set aside (damaged files): {Quarantine}. The store is rebuilt from the append-only file, which holds every write since the folder was new.")]
    public static partial void RecoveredFromAofAlone(ILogger logger, string findings, string quarantine);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "Embedded store: started EMPTY because Storage:AllowEmptyStart=true: {Findings}. The unusable files were moved to {Quarantine}.")]
    public static partial void StartedEmpty(ILogger logger, string findings, string quarantine);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Warning, Message = "Embedded store: started with 0 keys although the checkpoint it loaded recorded {Keys} keys without expiry; continuing because Storage:AllowEmptyStart=true.")]
    public static partial void RecoveredEmptyAllowed(ILogger logger, long keys);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Critical, Message = "{Message}")]
    public static partial void StoreStartRefused(ILogger logger, string message);
}
