using Microsoft.Extensions.Options;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Channels.Inbound;

namespace PartyAffairs.Channels.WeCom;

/// <summary>Composition of the WeCom adapter: encrypted app callbacks into the inbox, app messages, group robot notices, contacts.</summary>
public static class WeComHosting
{
    private static readonly TimeSpan PlatformTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Registers the adapter (section <c>WeCom</c>) and the shared channel services it builds on; calling it again does nothing.</summary>
    public static WebApplicationBuilder AddWeCom(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(WeComAdapter)))
        {
            return builder;
        }

        builder.AddChannels();
        services.AddOptions<WeComOptions>().BindConfiguration(WeComOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<GroupNoticeOptions>(o => o.AddRobotChannel(WeComChannelSender.Id));
        // Platform URLs carry secrets (access tokens, robot keys): no request logging by the factory;
        // the channel logs report failures by operation and code only.
        services.AddHttpClient(WeComApiClient.HttpClientName, c => c.Timeout = PlatformTimeout).RemoveAllLoggers();

        services.AddSingleton<WeComApiClient>();
        services.AddSingleton<WeComChannelSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<WeComChannelSender>());
        services.AddSingleton<WeComAdapter>();
        services.AddSingleton<WeComCallbackHandler>();
        services.AddSingleton<IInboundTurnProcessor>(sp => sp.GetRequiredService<WeComCallbackHandler>());
        services.AddSingleton<IGroupNoticeSender, WeComGroupNotices>();
        services.AddSingleton<IPlatformContacts>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<WeComOptions>>().Value;
            var api = sp.GetRequiredService<WeComApiClient>();
            return new PlatformContacts(
                WeComChannelSender.Id, () => options.IsEnabled, options.MobileBinding, api.GetUserMobileAsync,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PlatformContacts>>());
        });
        return builder;
    }

    /// <summary>Maps the app callback (<see cref="WeComEndpoints.CallbackPath"/>); it answers 404 while WeCom is not configured.</summary>
    public static IEndpointRouteBuilder MapWeCom(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<WeComOptions>>().Value.IsEnabled)
        {
            var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WeComHosting).FullName!);
            WeComLog.Disabled(logger, WeComChannelSender.Id);
        }

        return endpoints.MapWeComApi();
    }
}
