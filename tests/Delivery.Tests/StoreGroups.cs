using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Delivery.Tests;

/// <summary>Tests sharing one real redis-server.</summary>
[CollectionDefinition(Name)]
public sealed class RedisGroup : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis";
}
