using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Tests.BotFramework;

namespace PartyAffairs.BotFramework.Tests;

/// <summary>The library's own texts: neutral English until the application sets its own.</summary>
public sealed partial class ProtocolTextsTests
{
    [Fact]
    public void Defaults_AreCompleteAndCarryNoChinese()
    {
        var texts = new ProtocolTexts();

        Assert.True(texts.IsComplete);
        Assert.All(new[] { texts.ServiceUnavailable, texts.NotConfigured, texts.TooManyMessages }, t => Assert.DoesNotMatch(Han(), t));
    }

    [Fact]
    public void Incomplete_IsRefused()
    {
        Assert.False(new ProtocolTexts { TooManyMessages = " " }.IsComplete);
    }

    [Fact]
    public async Task UnconfiguredBot_Message_AnswersWithTheConfiguredText()
    {
        var bot = new UnconfiguredBot(Options.Create(new ProtocolTexts { NotConfigured = "Not yet." }));
        var sent = new List<Activity>();
        var turn = new TurnContext(new RecordingAdapter(sent), Activity.CreateMessageActivity("hello"));

        await bot.OnTurnAsync(turn);

        Assert.Equal("Not yet.", Assert.Single(sent).Text);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    private sealed class RecordingAdapter(List<Activity> sent) : BotAdapter
    {
        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
        {
            sent.AddRange(activities);
            return Task.FromResult(activities.Select(_ => new ResourceResponse(null)).ToArray());
        }
    }
}
