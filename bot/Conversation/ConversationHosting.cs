namespace PartyAffairs.Bot.Conversation;

/// <summary>Composition of the Conversation area: the turn handler (IBot) and its dialogs.</summary>
internal static class ConversationHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        return builder;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
