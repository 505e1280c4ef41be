namespace PartyAffairs.Bot.Admin;

/// <summary>The one way to map admin endpoints: every group behind the admin token and the store-failure answer.</summary>
internal static class AdminGroups
{
    /// <summary>An endpoint group under <paramref name="prefix"/> with <see cref="AdminAuthFilter"/>, <see cref="StoreFailureFilter"/> and <see cref="BodyTooLargeFilter"/>.</summary>
    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder endpoints, string prefix) =>
        endpoints.MapGroup(prefix)
            .AddEndpointFilter<AdminAuthFilter>()
            .AddEndpointFilter<StoreFailureFilter>()
            .AddEndpointFilter<BodyTooLargeFilter>()
            .DisableAntiforgery();
}
