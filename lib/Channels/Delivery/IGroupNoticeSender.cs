namespace PartyAffairs.Channels.Delivery;

/// <summary>Posts a notice into the branch's group chat through a platform's group robot (at most 20 a minute).</summary>
public interface IGroupNoticeSender
{
    /// <summary>The channel the group lives on (<c>dingtalk</c>, <c>wecom</c>).</summary>
    string ChannelId { get; }

    /// <summary>True when a group robot webhook is configured.</summary>
    bool IsConfigured { get; }

    /// <summary>Posts the notice, split into parts the robot accepts; waits while the robot's limit is reached.</summary>
    Task PublishAsync(string title, string text, CancellationToken cancellationToken);
}
