using StackExchange.Redis;

namespace PartyAffairs.Channels.Delivery;

/// <summary>The shared rate limiter's keys of the channel layer (docs/channels.md, "Limits and pacing").</summary>
public static class ChannelRateKeys
{
    /// <summary><c>pa:channel:rate:{channel}:app</c>: every API call of a platform's app.</summary>
    public static RedisKey App(string channel) => $"pa:channel:rate:{channel}:app";

    /// <summary><c>pa:channel:rate:{channel}:robot</c>: the group robot's webhook.</summary>
    public static RedisKey GroupRobot(string channel) => $"pa:channel:rate:{channel}:robot";

    /// <summary><c>pa:channel:rate:{channel}:member:{userId}</c>: app messages to one member.</summary>
    public static RedisKey Member(string channel, string userId) => $"pa:channel:rate:{channel}:member:{userId}";

    /// <summary><c>pa:channel:rate:{channel}:conversation:{conversationId}</c>: one conversation of a Connector channel.</summary>
    public static RedisKey Conversation(string channel, string conversationId) => $"pa:channel:rate:{channel}:conversation:{conversationId}";
}
