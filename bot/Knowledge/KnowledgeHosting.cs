using PartyAffairs.Knowledge;

namespace PartyAffairs.Bot.Knowledge;

/// <summary>Composition of the Knowledge area: the knowledge base and /api/knowledge.</summary>
internal static class KnowledgeHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddKnowledgeBase(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KnowledgeBase>();
        services.AddSingleton<IKnowledgeBase>(sp => sp.GetRequiredService<KnowledgeBase>());
        services.AddHostedService<KnowledgeStartup>();
        services.AddHealthChecks().AddCheck<KnowledgeHealthCheck>(KnowledgeHealthCheck.Name);
        return builder;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder endpoints)
    {
        return endpoints.MapKnowledgeEndpoints();
    }
}
