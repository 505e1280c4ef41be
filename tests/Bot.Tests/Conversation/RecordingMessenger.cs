using System.Collections.Concurrent;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>Captures proactive sends; conversations listed in <see cref="Failing"/> are refused like a channel would.</summary>
internal sealed class RecordingMessenger : IProactiveMessenger
{
    public ConcurrentQueue<(ConversationReference Reference, Activity Activity)> Sent { get; } = new();

    public ConcurrentDictionary<string, bool> Failing { get; } = new();

    /// <summary>When set, sends wait for it, as sends held back by a platform's rate limit do.</summary>
    public TaskCompletionSource? Hold { get; set; }

    private int _calls;
    private int _entered;

    /// <summary>How many sends have begun (including those still held or blocked).</summary>
    public int Entered => Volatile.Read(ref _entered);

    /// <summary>When set, sends after the first this many never complete (until cancelled), as a process that stalls or dies mid-round.</summary>
    public int? BlockAfter { get; set; }

    public async Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _entered);
        if (BlockAfter is { } limit && Interlocked.Increment(ref _calls) > limit)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        if (Failing.ContainsKey(reference.Conversation?.Id ?? string.Empty))
        {
            throw new ChannelDeliveryException("refused", isTransient: false);
        }

        Sent.Enqueue((reference, activity));
        return new ResourceResponse("p1");
    }
}
