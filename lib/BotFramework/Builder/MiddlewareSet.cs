using System.Collections;

namespace PartyAffairs.BotFramework.Builder;

/// <summary>
/// An ordered set of middleware (BotBuilder's <c>MiddlewareSet</c>): each runs in the order it was added, the bot's
/// callback after the last. Add middleware while the adapter is being set up, before it runs turns.
/// </summary>
public sealed class MiddlewareSet : IMiddleware, IEnumerable<IMiddleware>
{
    private readonly List<IMiddleware> _middleware = [];

    /// <summary>Adds a middleware after those already added.</summary>
    public MiddlewareSet Use(IMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>Runs the set as one middleware of an enclosing pipeline.</summary>
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        return RunAsync(turnContext, (_, ct) => next(ct), 0, cancellationToken);
    }

    /// <summary>Runs every middleware and then <paramref name="callback"/> (unless a middleware stopped the turn).</summary>
    public Task ReceiveActivityWithStatusAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return RunAsync(turnContext, callback, 0, cancellationToken);
    }

    /// <inheritdoc />
    public IEnumerator<IMiddleware> GetEnumerator() => _middleware.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Task RunAsync(ITurnContext turnContext, BotCallbackHandler? callback, int index, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
        {
            return callback?.Invoke(turnContext, cancellationToken) ?? Task.CompletedTask;
        }

        return _middleware[index].OnTurnAsync(turnContext, ct => RunAsync(turnContext, callback, index + 1, ct), cancellationToken);
    }
}
