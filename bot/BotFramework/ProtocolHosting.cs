namespace PartyAffairs.Bot.BotFramework;

/// <summary>Composition of the BotFramework area: the connector endpoint (/api/messages), Direct Line 3.0 and the chat page.</summary>
internal static class ProtocolHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddBotProtocols(this WebApplicationBuilder builder)
    {
        return builder;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapBotProtocols(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
