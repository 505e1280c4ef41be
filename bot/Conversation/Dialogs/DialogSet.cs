using PartyAffairs.Bot.Conversation.Commands;
using PartyAffairs.Bot.Conversation.Pipeline;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Dialogs;

/// <summary>
/// The dialogs by kind and the sender's open step (one per chat account, in <see cref="ConversationStateStore"/>): begin,
/// peek, continue (taken atomically, so of concurrent replies exactly one continues) and end.
/// </summary>
internal sealed class DialogSet
{
    private readonly Dictionary<string, IDialog> _byKind;
    private readonly IDialog[] _dialogs;
    private readonly ConversationStateStore _conversations;

    public DialogSet(IEnumerable<IDialog> dialogs, ConversationStateStore conversations)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        _dialogs = [.. dialogs];
        _byKind = _dialogs.ToDictionary(d => d.Kind, StringComparer.Ordinal);
        _conversations = conversations;
    }

    /// <summary>True when some dialog could take <paramref name="input"/> (then the open step is worth reading).</summary>
    public bool MayContinue(TurnInput input) => Array.Exists(_dialogs, d => d.Continues(input));

    /// <summary>The dialog that continues <paramref name="step"/>, or null for an unknown kind.</summary>
    public IDialog? For(PendingStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return _byKind.GetValueOrDefault(step.Kind);
    }

    /// <summary>The sender's open step, expired or not, without taking it.</summary>
    public Task<PendingStep?> PeekAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.UserId is { } userId ? _conversations.GetPendingAsync(context.ChannelId, userId, cancellationToken) : Task.FromResult<PendingStep?>(null);
    }

    /// <summary>Starts a dialog: stores <paramref name="step"/> as the sender's open step (replacing any other).</summary>
    public Task BeginAsync(CommandContext context, PendingStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(step);
        if (!_byKind.ContainsKey(step.Kind))
        {
            throw new InvalidOperationException($"No dialog continues steps of kind '{step.Kind}'.");
        }

        return _conversations.SetPendingAsync(context.ChannelId, context.UserId ?? throw new InvalidOperationException("A dialog needs the sender's account id."), step, cancellationToken);
    }

    /// <summary>
    /// Takes the sender's open step and continues its dialog; when another reply took it first (or it is not the
    /// sender's member's), answers that nothing is pending.
    /// </summary>
    public async Task ContinueAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var step = context.UserId is { } userId ? await _conversations.TakePendingAsync(context.ChannelId, userId, cancellationToken) : null;
        if (step is null || step.MemberId != context.Member?.Id || For(step) is not { } dialog)
        {
            await context.SendAsync(Replies.NothingPending, cancellationToken);
            return;
        }

        await dialog.ContinueAsync(context, step, _conversations.IsExpired(step), cancellationToken);
    }

    /// <summary>Ends the open step of an account, whatever its kind (a failed turn leaves no half-done dialog); a store outage is ignored.</summary>
    public async Task EndQuietlyAsync(string channelId, string userId)
    {
        try
        {
            await _conversations.TakePendingAsync(channelId, userId, CancellationToken.None);
        }
        catch (Exception e) when (StoreFaults.IsOutage(e))
        {
            // The store is down: the step still expires by its own time.
        }
    }
}
