using System.Collections.Concurrent;
using PartyAffairs.Channels;
using PartyAffairs.Channels.Delivery;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>A group robot that records what it posts, or refuses like a platform would when <see cref="Fail"/> is set.</summary>
internal sealed class RecordingGroupRobot(string channelId) : IGroupNoticeSender
{
    public ConcurrentQueue<(string Title, string Text)> Posts { get; } = new();

    public bool Fail { get; set; }

    public string ChannelId => channelId;

    public bool IsConfigured => true;

    public Task PublishAsync(string title, string text, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new ChannelDeliveryException($"{channelId} groupRobot: refused.", isTransient: false);
        }

        Posts.Enqueue((title, text));
        return Task.CompletedTask;
    }
}
