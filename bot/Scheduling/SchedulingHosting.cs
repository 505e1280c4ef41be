using PartyAffairs.Knowledge;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Bot.Scheduling;

/// <summary>Composition of the Scheduling area: Quartz, the reminder jobs and the host side of the scheduler's interfaces.</summary>
internal static class SchedulingHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // The catalog over every document of the corpus ("我的待办" for a member); a branch's own catalog, narrowed to the
        // documents that bind it, comes from its settings. The knowledge base may be registered after this area.
        services.AddSingleton<ITrackedDutyCatalog>(sp => new KnowledgeDutyCatalog(sp.GetService<IKnowledgeBase>()?.Duties ?? []));
        return builder;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapReminderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
