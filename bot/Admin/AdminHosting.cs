namespace PartyAffairs.Bot.Admin;

/// <summary>Composition of the Admin area: the admin HTTP API under /api/admin.</summary>
internal static class AdminHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddAdminApi(this WebApplicationBuilder builder)
    {
        return builder;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
