using Microsoft.Extensions.Options;

namespace PartyAffairs.Bot.Admin;

/// <summary>Composition of the Admin area: the admin HTTP API under /api/admin.</summary>
internal static class AdminHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddAdminApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);
        // Without Admin:Token, the token generated on first run under the data folder (AdminCredential).
        builder.Services.AddSingleton<AdminCredential>();
        builder.Services.AddSingleton<IPostConfigureOptions<AdminOptions>>(sp => sp.GetRequiredService<AdminCredential>());
        return builder;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<AdminOptions>>().Value;
        if (string.IsNullOrEmpty(options.Token))
        {
            var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminHosting));
            AdminLog.Disabled(logger);
        }

        endpoints.MapAdminEndpoints();
        return endpoints;
    }
}
