namespace PartyAffairs.Bot.Operations;

/// <summary>Log messages of the Operations area (ids 1500–1599); never tokens.</summary>
internal static partial class OperationsLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "{Banner}")]
    public static partial void Banner(ILogger logger, string banner);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Debug, Message = "Metrics sample of the store failed.")]
    public static partial void SampleFailed(ILogger logger, Exception exception);
}
