using PartyAffairs.BotFramework.Builder;

namespace PartyAffairs.Bot.Conversation;

/// <summary>Composition of the Conversation area: the turn handler (IBot) and its dialogs.</summary>
internal static class ConversationHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        // The knowledge base and the duty catalog come from other areas; factories resolve them when the
        // bot is first used, so the host also starts (and start-up validation passes) while one is not registered.
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DutyTracker>(sp));
        builder.Services.AddSingleton<NoticeRoundStore>();
        builder.Services.AddSingleton<NoticeRounds>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NoticeRounds>());
        builder.Services.AddSingleton<MobileBinder>();
        builder.Services.AddSingleton<IBot>(sp => ActivatorUtilities.CreateInstance<PartyAffairsBot>(sp));
        return builder;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
