using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Channels.Protocol;
using PartyAffairs.BotFramework;
using PartyAffairs.BotFramework.Connector;
using PartyAffairs.BotFramework.DirectLine;
using PartyAffairs.Bot.Channels.Delivery;
using PartyAffairs.Bot.Channels.DingTalk;
using PartyAffairs.Bot.Channels.Inbound;
using PartyAffairs.Bot.Channels.WeCom;

namespace PartyAffairs.Bot.Channels;

/// <summary>Composition of the Channels area: DingTalk and WeCom adapters and proactive delivery per channel.</summary>
internal static class ChannelHosting
{
    private static readonly TimeSpan PlatformTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddChannels(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DingTalkOptions>().BindConfiguration(DingTalkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WeComOptions>().BindConfiguration(WeComOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GroupNoticeOptions>().BindConfiguration(GroupNoticeOptions.SectionName)
            .Validate(o => o.Branches.All(b => b.Key is DingTalkChannelSender.Id or WeComChannelSender.Id && !string.IsNullOrWhiteSpace(b.Value)),
                "Channels:GroupNotices:Branches takes the keys dingtalk and wecom, each with a branch id.")
            .ValidateOnStart();
        services.AddOptions<ChannelQueueOptions>().BindConfiguration(ChannelQueueOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Platform URLs carry secrets (access tokens, robot keys, signatures): no request logging by the factory;
        // ChannelLog reports failures by operation and code only.
        services.AddHttpClient(DingTalkApiClient.HttpClientName, c => c.Timeout = PlatformTimeout).RemoveAllLoggers();
        services.AddHttpClient(WeComApiClient.HttpClientName, c => c.Timeout = PlatformTimeout).RemoveAllLoggers();

        services.AddSingleton<ChannelInbox>();
        services.AddSingleton<ChannelInboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ChannelInboxWorker>());
        services.AddSingleton<ChannelTurnRunner>();

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
            return Contacts(sp, DingTalkChannelSender.Id, options, (id, ct) =>
                id.StartsWith("$:", StringComparison.Ordinal) ? Task.FromResult<string?>(null) : api.GetUserMobileAsync(id, ct));
        });

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
            return Contacts(sp, WeComChannelSender.Id, options, api.GetUserMobileAsync);
        });

        // The Bot Framework channels: Direct Line (and Web Chat) transcripts, and the Connector REST API of the others.
        builder.AddBotFramework();
        foreach (var channelId in new[] { DirectLineAdapter.ChannelId, "webchat" })
        {
            services.AddSingleton<IChannelSender>(sp => new DirectLineChannelSender(channelId, sp.GetRequiredService<DirectLineAdapter>(), sp.GetRequiredService<IDirectLineStore>()));
        }

        var connectorChannels = new HashSet<string>(["emulator", "msteams"], StringComparer.Ordinal);
        connectorChannels.UnionWith(builder.Configuration.GetSection($"{BotFrameworkOptions.SectionName}:{nameof(BotFrameworkOptions.ConnectorChannels)}").Get<string[]>() ?? []);
        foreach (var channelId in connectorChannels)
        {
            services.AddSingleton<IChannelSender>(sp => new ConnectorChannelSender(channelId, sp.GetRequiredService<ConnectorClient>()));
        }

        services.AddSingleton<IProactiveMessenger, ProactiveMessenger>();
        services.AddSingleton<IBroadcastMessenger, BroadcastMessenger>();
        services.AddSingleton<BranchGroupRobots>();
        return builder;
    }

    private static PlatformContacts Contacts(IServiceProvider services, string channelId, PlatformOptions options, Func<string, CancellationToken, Task<string?>> lookup) =>
        new(channelId, () => options.IsEnabled, options.MobileBinding, lookup, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<PlatformContacts>>());

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapChannelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChannelHosting).FullName!);
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<DingTalkOptions>>().Value.IsEnabled)
        {
            ChannelLog.Disabled(logger, DingTalkChannelSender.Id);
        }

        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<WeComOptions>>().Value.IsEnabled)
        {
            ChannelLog.Disabled(logger, WeComChannelSender.Id);
        }

        return endpoints.MapDingTalkApi().MapWeComApi();
    }
}
