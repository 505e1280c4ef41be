namespace PartyAffairs.Delivery;

/// <summary>Source-generated logs of the delivery library (ids 6000–6099): queue names, counts and error kinds, never item contents.</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Work queue {Queue}: store unavailable ({Error}); trying again")]
    public static partial void StoreUnavailable(ILogger logger, string queue, string error);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Work queue {Queue}: recovered the items of stopped instances {Instances}: {Returned} returned, {Dropped} dropped, {Interrupted} interrupted")]
    public static partial void Recovered(ILogger logger, string queue, string instances, int returned, int dropped, int interrupted);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Work queue {Queue}: stopping with {Count} items unfinished; they went back to the queue")]
    public static partial void ReturnedOnStop(ILogger logger, string queue, int count);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Work queue {Queue}: this instance's lease had lapsed and its items were taken over; its running items are abandoned")]
    public static partial void LeaseLost(ILogger logger, string queue);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Error, Message = "Work queue {Queue}: an item failed ({Error}); it is handed back by the queue's recovery rules")]
    public static partial void HandlerFailed(ILogger logger, string queue, string error);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Work queue {Queue}: handed back {Count} items no worker held any more")]
    public static partial void OrphansReturned(ILogger logger, string queue, int count);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "Shared rate limit {Budget} unavailable (store unreachable); waiting {Delay} before asking again, nothing is sent meanwhile")]
    public static partial void RateLimitStoreDown(ILogger logger, Exception exception, string budget, TimeSpan delay);
}
