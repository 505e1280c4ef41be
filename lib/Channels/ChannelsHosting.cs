using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework;
using PartyAffairs.BotFramework.Connector;
using PartyAffairs.BotFramework.DirectLine;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Channels.Inbound;
using PartyAffairs.Channels.Protocol;

namespace PartyAffairs.Channels;

/// <summary>
/// Composition of the channel layer shared by every platform: proactive delivery per channel (<see cref="IProactiveMessenger"/>,
/// <see cref="IBroadcastMessenger"/>, group robots), the durable inbound inbox and its worker, and the senders of the
/// Bot Framework channels. Platform adapters add themselves with their own <c>AddX()</c>.
/// </summary>
public static class ChannelsHosting
{
    /// <summary>
    /// Registers the shared channel services (sections <c>Channels:Queue</c>, <c>Channels:GroupNotices</c>) and the Bot
    /// Framework protocols they send through; calling it again does nothing. The host provides Redis (<c>IConnectionMultiplexer</c>).
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
        services.AddOptions<ChannelTexts>().Validate(t => t.IsComplete, "ChannelTexts: every text must be set, and ReplyOptionFormat must contain {0}.").ValidateOnStart();
        services.AddOptions<GroupNoticeOptions>().BindConfiguration(GroupNoticeOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GroupNoticeOptions>, GroupNoticeOptionsValidator>());
        services.AddOptions<ChannelQueueOptions>().BindConfiguration(ChannelQueueOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

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
            services.AddSingleton<IChannelSender>(sp => new ConnectorChannelSender(channelId, sp.GetRequiredService<ConnectorClient>()));
        }

        services.AddSingleton<IProactiveMessenger, ProactiveMessenger>();
        services.AddSingleton<IBroadcastMessenger, BroadcastMessenger>();
        services.AddSingleton<BranchGroupRobots>();
        return builder;
    }
}
