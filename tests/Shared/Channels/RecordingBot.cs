using System.Collections.Concurrent;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Tests.Channels;

/// <summary>A stand-in conversation: records each turn and answers "收到：text" with a one-tap 已完成 button.</summary>
public sealed class RecordingBot : IBot
{
    private readonly ConcurrentQueue<Activity> _turns = new();

    /// <summary>When set, turns wait for it (to show the callback is acknowledged before the turn ends).</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Every activity the bot was given.</summary>
    public IReadOnlyList<Activity> Turns => [.. _turns];

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        _turns.Enqueue(turnContext.Activity);
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            await turnContext.SendActivityAsync("欢迎", cancellationToken);
            return;
        }

        var reply = Activity.CreateMessageActivity("收到：" + turnContext.Activity.Text);
        reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("已完成"), CardAction.ImBack("我的待办")] };
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }
}
