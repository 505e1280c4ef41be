namespace PartyAffairs.Bot.Scheduling;

/// <summary>Composition of the Scheduling area: Quartz, the reminder jobs and the host side of the scheduler's interfaces.</summary>
internal static class SchedulingHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        return builder;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapReminderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
