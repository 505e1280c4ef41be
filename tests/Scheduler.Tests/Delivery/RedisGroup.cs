using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Scheduler.Tests.Delivery;

/// <summary>Tests sharing one real redis-server.</summary>
[CollectionDefinition(Name)]
public sealed class RedisGroup : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis";
}
