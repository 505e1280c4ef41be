namespace PartyAffairs.Bot.Channels;

/// <summary>Composition of the Channels area: DingTalk and WeCom adapters and proactive delivery per channel.</summary>
internal static class ChannelHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddChannels(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IProactiveMessenger, ProactiveMessenger>();
        return builder;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapChannelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
