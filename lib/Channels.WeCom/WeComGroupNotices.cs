using Microsoft.Extensions.Options;
using PartyAffairs.Channels.Delivery;

namespace PartyAffairs.Channels.WeCom;

/// <summary>Group notices through a WeCom group robot (markdown up to 4096 bytes a part, 20 a minute).</summary>
internal sealed class WeComGroupNotices(WeComApiClient api, IOptions<WeComOptions> options) : IGroupNoticeSender
{
    public string ChannelId => WeComChannelSender.Id;

    public bool IsConfigured => options.Value.HasGroupRobot;

    public Task PublishAsync(string title, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(text);
        return api.PostGroupNoticeAsync($"**{title}**\n{text}", markdown: true, cancellationToken);
    }
}
