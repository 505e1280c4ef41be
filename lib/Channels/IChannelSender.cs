using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Channels;

/// <summary>Sends a proactive activity through one channel (directline, emulator, msteams, dingtalk, wecom …).</summary>
public interface IChannelSender
{
    /// <summary>The <c>channelId</c> of the conversation references this sender serves.</summary>
    string ChannelId { get; }

    /// <summary>Sends <paramref name="activity"/> to the conversation <paramref name="reference"/> names.</summary>
    Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken);
}
