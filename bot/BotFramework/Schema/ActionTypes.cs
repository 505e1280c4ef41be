namespace PartyAffairs.Bot.BotFramework.Schema;

/// <summary>Card action type names.</summary>
public static class ActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";
}
