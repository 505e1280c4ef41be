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
}
