using Microsoft.Extensions.Options;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Channels.Inbound;

namespace PartyAffairs.Channels.DingTalk;

/// <summary>Composition of the DingTalk adapter: robot callbacks into the inbox, replies, proactive and group robot messages, contacts.</summary>
public static class DingTalkHosting
{
    private static readonly TimeSpan PlatformTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Registers the adapter (section <c>DingTalk</c>) and the shared channel services it builds on; calling it again does nothing.</summary>
    public static WebApplicationBuilder AddDingTalk(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(DingTalkAdapter)))
        {
            return builder;
        }

        builder.AddChannels();
        services.AddOptions<DingTalkOptions>().BindConfiguration(DingTalkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<GroupNoticeOptions>(o => o.AddRobotChannel(DingTalkChannelSender.Id));
        // Platform URLs carry secrets (access tokens, robot keys, signatures): no request logging by the factory;
        // the channel logs report failures by operation and code only.
        services.AddHttpClient(DingTalkApiClient.HttpClientName, c => c.Timeout = PlatformTimeout).RemoveAllLoggers();

        services.AddSingleton<DingTalkApiClient>();
        services.AddSingleton<DingTalkChannelSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<DingTalkChannelSender>());
        services.AddSingleton<DingTalkAdapter>();
        services.AddSingleton<DingTalkCallbackHandler>();
        services.AddSingleton<IInboundTurnProcessor>(sp => sp.GetRequiredService<DingTalkCallbackHandler>());
        services.AddSingleton<IGroupNoticeSender, DingTalkGroupNotices>();
        services.AddSingleton<IPlatformContacts>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DingTalkOptions>>().Value;
            var api = sp.GetRequiredService<DingTalkApiClient>();
            // A sender outside the robot's organisation has only an encrypted id ($:LWCP_v1:$…), which the contacts do not know.
            return new PlatformContacts(
                DingTalkChannelSender.Id, () => options.IsEnabled, options.MobileBinding,
                (id, ct) => id.StartsWith("$:", StringComparison.Ordinal) ? Task.FromResult<string?>(null) : api.GetUserMobileAsync(id, ct),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PlatformContacts>>());
        });
        return builder;
    }

    /// <summary>Maps the robot callback (<see cref="DingTalkEndpoints.CallbackPath"/>); it answers 404 while DingTalk is not configured.</summary>
    public static IEndpointRouteBuilder MapDingTalk(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<DingTalkOptions>>().Value.IsEnabled)
        {
            var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DingTalkHosting).FullName!);
            DingTalkLog.Disabled(logger, DingTalkChannelSender.Id);
        }

        return endpoints.MapDingTalkApi();
    }
}
