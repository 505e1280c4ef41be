using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Bot.Conversation;

/// <summary>How the bot's chat replies are shaped: plain text in zh-CN, with one-tap buttons (suggested actions).</summary>
internal static class ReplyMessage
{
    /// <summary>A reply with <paramref name="buttons"/> as im-back actions.</summary>
    public static Activity Create(string text, params string[] buttons)
    {
        var reply = Activity.CreateMessageActivity(text);
        reply.Locale = "zh-CN";
        // Replies are plain text with line breaks; without a format Web Chat renders Markdown and joins the lines.
        reply.TextFormat = TextFormatTypes.Plain;
        if (buttons.Length > 0)
        {
            reply.SuggestedActions = new SuggestedActions { Actions = buttons.Select(b => CardAction.ImBack(b)).ToList() };
        }

        return reply;
    }

    /// <summary>Sends a reply in <paramref name="turnContext"/>'s conversation.</summary>
    public static Task SendAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken, params string[] buttons) =>
        turnContext.SendActivityAsync(Create(text, buttons), cancellationToken);
}
