using Microsoft.Extensions.Options;
using PartyAffairs.Channels.Delivery;
using PartyAffairs.Delivery.Retry;

namespace PartyAffairs.Channels.DingTalk;

/// <summary>Group notices through DingTalk's custom group robot (markdown, signed URL, 20 a minute); each part retried on its own.</summary>
internal sealed class DingTalkGroupNotices(DingTalkApiClient api, IOptions<DingTalkOptions> options, DeliveryRetry retry) : IGroupNoticeSender
{
    public string ChannelId => DingTalkChannelSender.Id;

    public bool IsConfigured => options.Value.HasGroupRobot;

    public async Task PublishAsync(string title, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var message in DingTalkMessage.Notice(title, $"### {title}\n\n{text}", options.Value.MaxMessageBytes))
        {
            await retry.RunAsync(ct => api.PostGroupNoticeAsync(message, ct), cancellationToken);
        }
    }
}
