using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Bot.Operations;

/// <summary>
/// Composition of the Operations area: the start-up banner and the meters of every area exported at <c>/metrics</c>
/// (Prometheus text format, through the OpenTelemetry SDK). Turns are counted by <see cref="TurnMetricsMiddleware"/>,
/// the first step of the conversation's turn pipeline. Documented in docs/operations.md.
/// </summary>
internal static class OperationsHosting
{
    /// <summary>The meters exported: the product's areas, then ASP.NET Core's and the runtime's built-in ones.</summary>
    public static readonly string[] Meters =
    [
        TurnMetrics.MeterName,
        ReminderMetrics.MeterName,
        StoreMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Runtime",
    ];

    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName)
            .Validate(o => o.SampleInterval > TimeSpan.Zero, "Metrics:SampleInterval must be positive.")
            .ValidateOnStart();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(Meters)
            // A scrape every 15-60 s needs no response cache, and a cached answer would hide the last turns.
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        services.AddSingleton<StoreMetrics>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreMetrics>());
        services.AddHostedService<StartupBanner>();
        return builder;
    }

    /// <summary>Maps <c>/metrics</c> behind <see cref="MetricsAccess"/>.</summary>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder endpoints)
    {
        _ = endpoints.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value;
        endpoints.MapPrometheusScrapingEndpoint(MetricsOptions.Path, meterProvider: null, configureBranchedPipeline: b => b.UseMiddleware<MetricsAccess>(), optionsName: null);
        return endpoints;
    }
}
