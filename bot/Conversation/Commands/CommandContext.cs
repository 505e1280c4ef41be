using PartyAffairs.Bot.Conversation.Pipeline;
using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>What a command (or a dialog) works with: the turn, the input, the sender, and a way to answer.</summary>
internal sealed class CommandContext(ITurnContext turn, TurnInput input, TurnMember sender)
{
    /// <summary>The turn (its activity, its adapter).</summary>
    public ITurnContext Turn { get; } = turn ?? throw new ArgumentNullException(nameof(turn));

    /// <summary>The message as read.</summary>
    public TurnInput Input { get; } = input ?? throw new ArgumentNullException(nameof(input));

    /// <summary>The sender as looked up this turn.</summary>
    public TurnMember Sender { get; } = sender ?? throw new ArgumentNullException(nameof(sender));

    /// <summary>The incoming activity.</summary>
    public Activity Activity => Turn.Activity;

    /// <summary>The channel of the turn.</summary>
    public string ChannelId => Sender.ChannelId;

    /// <summary>The sender's chat account id, when the activity names one.</summary>
    public string? UserId => Sender.UserId;

    /// <summary>The bound member, or null.</summary>
    public Member? Member => Input.Member;

    /// <summary>The bound member, for commands that require one (their role was checked before they run).</summary>
    public Member BoundMember => Input.Member ?? throw new InvalidOperationException("The command requires a bound member; RequiredRole must say so.");

    /// <summary>Answers with <paramref name="text"/> and one-tap <paramref name="buttons"/>.</summary>
    public Task SendAsync(string text, CancellationToken cancellationToken, params string[] buttons) =>
        ReplyMessage.SendAsync(Turn, text, cancellationToken, buttons);

    /// <summary>Answers with <paramref name="text"/> and buttons that may send other text than they show.</summary>
    public Task SendButtonsAsync(string text, IReadOnlyList<ReplyButton> buttons, CancellationToken cancellationToken) =>
        ReplyMessage.SendButtonsAsync(Turn, text, buttons, cancellationToken);
}
