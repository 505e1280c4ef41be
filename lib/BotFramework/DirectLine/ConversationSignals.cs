using System.Collections.Concurrent;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>Wakes the WebSocket streams of a conversation when its transcript grows (in-process; streams also re-check on a timer).</summary>
internal sealed class ConversationSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next <see cref="Notify"/> for the conversation. Take it before reading the store.</summary>
    public Task NextAsync(string conversationId) =>
        _waiters.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Signals that the conversation's transcript has grown.</summary>
    public void Notify(string conversationId)
    {
        if (_waiters.TryRemove(conversationId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
