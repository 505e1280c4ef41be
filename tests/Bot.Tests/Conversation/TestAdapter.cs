using System.Collections.Concurrent;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>Runs turns without HTTP, through the host's turn pipeline when given its services, and keeps every reply the bot sends.</summary>
internal sealed class TestAdapter : BotAdapter
{
    private const string RepliesKey = "test.replies";
    private int _next;

    /// <summary>An adapter with no middleware and no error handler.</summary>
    public TestAdapter()
    {
    }

    /// <summary>An adapter with the middleware and error handler registered in <paramref name="services"/>, as every adapter of the host has.</summary>
    public TestAdapter(IServiceProvider services) => this.UseTurnPipeline(services);

    public ConcurrentQueue<Activity> Sent { get; } = new();

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (turnContext.TurnState.Get<List<Activity>>(RepliesKey) is { } replies)
        {
            lock (replies)
            {
                replies.AddRange(activities);
            }
        }

        foreach (var activity in activities)
        {
            Sent.Enqueue(activity);
        }

        return Task.FromResult(activities.Select(_ => new ResourceResponse($"r{Interlocked.Increment(ref _next)}")).ToArray());
    }

    /// <summary>Runs one turn and returns the replies it produced.</summary>
    public async Task<IReadOnlyList<Activity>> ProcessAsync(IBot bot, Activity activity)
    {
        var replies = new List<Activity>();
        var turn = new TurnContext(this, activity);
        turn.TurnState.Set(RepliesKey, replies);
        await RunPipelineAsync(turn, bot.OnTurnAsync, CancellationToken.None);
        return replies;
    }
}
