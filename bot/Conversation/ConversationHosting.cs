using PartyAffairs.Bot.BotFramework.Builder;

namespace PartyAffairs.Bot.Conversation;

/// <summary>Composition of the Conversation area: the turn handler (IBot) and its dialogs.</summary>
internal static class ConversationHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DutyTracker>();
        builder.Services.AddSingleton<MemberMessenger>();
        builder.Services.AddSingleton<IBot, PartyAffairsBot>();
        return builder;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
