using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>
/// Where Direct Line conversations and their transcripts live. Activities get consecutive sequence numbers from 1; an
/// activity's id is <c>{conversationId}|{sequence:D7}</c> and the watermark after it is the decimal sequence.
/// </summary>
/// <remarks>Implementations throw <see cref="DirectLineStoreUnavailableException"/> when the backing store cannot be reached.</remarks>
public interface IDirectLineStore
{
    /// <summary>The started conversation with this id, or null.</summary>
    Task<DirectLineConversation?> GetConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Records a started conversation; false when one with this id already exists.</summary>
    Task<bool> TryCreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken);

    /// <summary>Appends an activity to the transcript and returns its sequence number; the stored copy gets its id.</summary>
    Task<long> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> activities after <paramref name="afterSequence"/>, oldest first, with their ids.</summary>
    Task<TranscriptPage> ReadAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>The sequence number of the newest activity (0 when none).</summary>
    Task<long> LastSequenceAsync(string conversationId, CancellationToken cancellationToken);
}
