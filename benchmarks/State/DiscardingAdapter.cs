using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Benchmarks.State;

/// <summary>Runs turns in memory and drops the replies (the protocols are measured by their own benchmark).</summary>
internal sealed class DiscardingAdapter : BotAdapter
{
    private static readonly ResourceResponse[] One = [new("r")];

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        Task.FromResult(One);

    public Task RunAsync(IBot bot, Activity activity) => RunPipelineAsync(new TurnContext(this, activity), bot.OnTurnAsync, CancellationToken.None);
}
