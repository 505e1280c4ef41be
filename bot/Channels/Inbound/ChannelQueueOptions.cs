using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.Bot.Channels.Inbound;

/// <summary>Size of the queue between an acknowledged platform callback and the bot's turn (section <c>Channels:Queue</c>).</summary>
public sealed class ChannelQueueOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Channels:Queue";

    /// <summary>Messages waiting at most, over all partitions; beyond it callbacks get 503 and the platform retries.</summary>
    [Range(1, 1_000_000)]
    public int Capacity { get; set; } = 2048;

    /// <summary>Turns that run at once (one sender's messages always run in order).</summary>
    [Range(1, 64)]
    public int Partitions { get; set; } = 4;
}
