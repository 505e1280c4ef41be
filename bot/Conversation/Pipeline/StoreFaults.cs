using StackExchange.Redis;

namespace PartyAffairs.Bot.Conversation.Pipeline;

/// <summary>Which exceptions mean the store (Redis, the embedded Garnet) is unavailable rather than a fault of the turn.</summary>
internal static class StoreFaults
{
    /// <summary>True for a connection failure, a refused command or a timeout of the store.</summary>
    public static bool IsOutage(Exception exception) => exception is RedisException or RedisTimeoutException;
}
