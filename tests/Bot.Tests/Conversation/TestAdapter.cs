using System.Collections.Concurrent;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>Runs turns without HTTP and keeps every reply the bot sends.</summary>
internal sealed class TestAdapter : BotAdapter
{
    private int _next;

    public ConcurrentQueue<Activity> Sent { get; } = new();

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
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
        var adapter = new CapturingAdapter(this, replies);
        await adapter.RunAsync(new TurnContext(adapter, activity), bot);
        return replies;
    }

    /// <summary>Captures one turn's replies while also recording them on the parent.</summary>
    private sealed class CapturingAdapter(TestAdapter parent, List<Activity> replies) : BotAdapter
    {
        public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
        {
            lock (replies)
            {
                replies.AddRange(activities);
            }

            return await parent.SendActivitiesAsync(turnContext, activities, cancellationToken);
        }

        public Task RunAsync(ITurnContext context, IBot bot) => RunPipelineAsync(context, bot.OnTurnAsync, CancellationToken.None);
    }
}
