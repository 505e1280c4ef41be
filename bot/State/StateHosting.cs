using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PartyAffairs.Bot.State;

/// <summary>Composition of the State area: Redis (or the embedded Garnet) and the stores over it.</summary>
internal static class StateHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddStateStore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName)
            .Validate(o => o.TimeoutMilliseconds is > 0 and <= 60_000, "Redis:TimeoutMilliseconds must be between 1 and 60000.")
            .ValidateOnStart();

        services.AddSingleton<StoreEndpoint>();
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var endpoint = sp.GetRequiredService<StoreEndpoint>();
            var timeout = sp.GetRequiredService<IOptions<RedisOptions>>().Value.TimeoutMilliseconds;
            return ConnectionMultiplexer.Connect(StoreConnection.CreateOptions(endpoint.Configuration, timeout));
        });
        services.AddHostedService<StoreStartup>();
        services.AddHostedService<EmbeddedStoreCheckpoints>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>(StoreHealthCheck.Name);

        services.AddOptions<RosterOptions>().BindConfiguration(RosterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new RosterStore(
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<RosterOptions>>()));
        services.AddSingleton<ChannelAddressStore>();
        services.AddSingleton<ConversationStateStore>();
        services.AddSingleton<ActivityDeduplicator>();
        services.AddSingleton<MemberActivityStore>();
        return builder;
    }

    /// <summary>
    /// Starts the store now, before the host starts (the embedded server checks and recovers its folder), so that a refused
    /// start is reported once, by the store, rather than again by the host with a stack trace. False when refused.
    /// </summary>
    public static bool TryStartStore(this WebApplication app)
    {
        try
        {
            _ = app.Services.GetRequiredService<StoreEndpoint>();
            return true;
        }
        catch (StoreStartException)
        {
            // StoreEndpoint logged it at Critical.
            return false;
        }
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapStateEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
