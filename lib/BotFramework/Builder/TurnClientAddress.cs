namespace PartyAffairs.BotFramework.Builder;

/// <summary>
/// The network address of the client behind a turn, when the adapter knows it (Direct Line: the browser's connection;
/// not the connector, whose caller is the channel service), for per-address limits in the bot.
/// </summary>
public static class TurnClientAddress
{
    private const string Key = "PartyAffairs.ClientAddress";

    /// <summary>The address, or null when the channel does not tell.</summary>
    public static string? Of(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<string>(Key);
    }

    internal static void Set(ITurnContext turnContext, string address) => turnContext.TurnState.Set(Key, address);
}
