using Microsoft.Extensions.Options;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Delivery.Retry;

namespace PartyAffairs.Channels.WeCom;

/// <summary>Group notices through a WeCom group robot (markdown up to 4096 bytes a part, 20 a minute); each part retried on its own.</summary>
internal sealed class WeComGroupNotices(WeComApiClient api, IOptions<WeComOptions> options, DeliveryRetry retry) : IGroupNoticeSender
{
    public string ChannelId => WeComChannelSender.Id;

    public bool IsConfigured => options.Value.HasGroupRobot;

    public async Task PublishAsync(string title, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var part in Utf8TextSplitter.Split($"**{title}**\n{text}", WeComApiClient.MaxMarkdownBytes))
        {
            await retry.RunAsync(ct => api.PostGroupNoticeAsync(part, markdown: true, ct), cancellationToken);
        }
    }
}
