namespace PartyAffairs.Bot.State;

/// <summary>Composition of the State area: Redis (or the embedded Garnet) and the stores over it.</summary>
internal static class StateHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddStateStore(this WebApplicationBuilder builder)
    {
        return builder;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapStateEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
