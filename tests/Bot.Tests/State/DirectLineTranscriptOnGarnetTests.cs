using PartyAffairs.Tests.BotFramework;

namespace PartyAffairs.Bot.Tests.State;

/// <summary>The transcript trim's MULTI/WATCH on the embedded Garnet, the product's default store.</summary>
public sealed class DirectLineTranscriptOnGarnetTests(GarnetServerFixture garnet) : IClassFixture<GarnetServerFixture>
{
    [Fact]
    public async Task ConcurrentPosts_WhileTrimming_IdsStayUniqueAndGapFree()
    {
        var settings = TranscriptTrimScenario.Settings(10);
        settings["Redis:Configuration"] = garnet.Configuration;
        await using var host = new BotFrameworkHost(redis: null, settings);
        await TranscriptTrimScenario.ConcurrentPostsWhileTrimmingAsync(host, garnet.Connection, 10);
    }
}
