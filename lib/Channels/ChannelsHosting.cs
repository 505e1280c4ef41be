using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework;
using PartyAffairs.BotFramework.Connector;
using PartyAffairs.BotFramework.DirectLine;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Channels.Inbound;
using PartyAffairs.Channels.Protocol;
using PartyAffairs.Delivery;
using PartyAffairs.Delivery.Pacing;
using PartyAffairs.Delivery.Retry;

namespace PartyAffairs.Channels;

/// <summary>
/// Composition of the channel layer shared by every platform: proactive delivery per channel (<see cref="IProactiveMessenger"/>,
/// <see cref="IBroadcastMessenger"/>, group robots), the durable inbound inbox and its worker, and the senders of the
/// Bot Framework channels, over reliable delivery (lib/Delivery: the work queue, the shared rate limiter, the one retry
/// policy). Platform adapters add themselves with their own <c>AddX()</c>.
/// </summary>
public static class ChannelsHosting
{
    /// <summary>
    /// Registers the shared channel services (sections <c>Channels:Queue</c>, <c>Channels:GroupNotices</c>,
    /// <c>Channels:ConnectorLimits</c>), reliable delivery (<c>Delivery:Retry</c>) and the Bot Framework protocols they send
    /// through; calling it again does nothing. The host provides Redis (<c>IConnectionMultiplexer</c>).
    /// </summary>
    public static WebApplicationBuilder AddChannels(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ChannelInbox)))
        {
            return builder;
        }

        builder.AddBotFramework();
        services.AddDelivery();
        services.AddOptions<ChannelTexts>().Validate(t => t.IsComplete, "ChannelTexts: every text must be set, and ReplyOptionFormat must contain {0}.").ValidateOnStart();
        services.AddOptions<GroupNoticeOptions>().BindConfiguration(GroupNoticeOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GroupNoticeOptions>, GroupNoticeOptionsValidator>());
        services.AddOptions<ChannelQueueOptions>().BindConfiguration(ChannelQueueOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConnectorLimitOptions>()
            .Configure<IConfiguration>((o, configuration) => configuration.GetSection(ConnectorLimitOptions.SectionName).Bind(o.Channels))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<ChannelInbox>();
        services.AddSingleton<ChannelInboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ChannelInboxWorker>());

        // The Bot Framework channels: Direct Line (and Web Chat) transcripts, and the Connector REST API of the others.
        foreach (var channelId in new[] { DirectLineAdapter.ChannelId, "webchat" })
        {
            services.AddSingleton<IChannelSender>(sp => new DirectLineChannelSender(channelId, sp.GetRequiredService<DirectLineAdapter>(), sp.GetRequiredService<IDirectLineStore>()));
        }

        var connectorChannels = new HashSet<string>(["emulator", "msteams"], StringComparer.Ordinal);
        connectorChannels.UnionWith(builder.Configuration.GetSection($"{BotFrameworkOptions.SectionName}:{nameof(BotFrameworkOptions.ConnectorChannels)}").Get<string[]>() ?? []);
        foreach (var channelId in connectorChannels)
        {
            services.AddSingleton<IChannelSender>(sp => new ConnectorChannelSender(
                channelId, sp.GetRequiredService<ConnectorClient>(), sp.GetRequiredService<SharedRateLimiter>(),
                sp.GetRequiredService<IOptions<ConnectorLimitOptions>>().Value.RuleOf(channelId)));
        }

        services.AddSingleton<IProactiveMessenger>(sp => new ProactiveMessenger(sp.GetServices<IChannelSender>(), sp.GetRequiredService<DeliveryRetry>()));
        services.AddSingleton<IBroadcastMessenger, BroadcastMessenger>();
        services.AddSingleton<BranchGroupRobots>();
        return builder;
    }
}
