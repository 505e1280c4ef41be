using System.Text.Json;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Bot.Conversation;

/// <summary>
/// How the bot's chat replies are shaped: plain text in zh-CN, with buttons on a hero card attached to the message, so
/// they stay usable on the message they belong to (suggested actions vanish at the next message). Each button is a
/// messageBack: the member's bubble reads its title (displayText) while the bot receives its text. Text-only platforms
/// (DingTalk, WeCom) list the card's buttons as reply hints (<c>OutgoingText</c>).
/// </summary>
internal static class ReplyMessage
{
    /// <summary>The content type of a hero card.</summary>
    public const string HeroCardType = "application/vnd.microsoft.card.hero";

    /// <summary>A reply with <paramref name="buttons"/> on a hero card (none: plain text).</summary>
    public static Activity Create(string text, IReadOnlyList<ReplyButton> buttons)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        var reply = Activity.CreateMessageActivity(text);
        reply.Locale = "zh-CN";
        // Replies are plain text with line breaks; without a format Web Chat renders Markdown and joins the lines.
        reply.TextFormat = TextFormatTypes.Plain;
        if (buttons.Count > 0)
        {
            reply.Attachments = [Card(buttons)];
        }

        return reply;
    }

    /// <summary>A reply whose buttons send their own titles.</summary>
    public static Activity Create(string text, params string[] buttons) => Create(text, buttons.Select(b => new ReplyButton(b)).ToArray());

    /// <summary>A hero card holding <paramref name="buttons"/> as messageBack actions.</summary>
    public static Attachment Card(IReadOnlyList<ReplyButton> buttons)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        var actions = buttons.Select(b => new CardAction
        {
            Type = ActionTypes.MessageBack,
            Title = b.Title,
            Text = b.Text,
            DisplayText = b.Title,
            Value = JsonSerializer.SerializeToElement(b.Text, BotJson.Options),
        }).ToArray();
        return new Attachment
        {
            ContentType = HeroCardType,
            Content = JsonSerializer.SerializeToElement(new { buttons = actions }, BotJson.Options),
        };
    }

    /// <summary>The buttons of a reply made by <see cref="Create(string, IReadOnlyList{ReplyButton})"/> (tests, logs).</summary>
    public static IReadOnlyList<CardAction> Buttons(Activity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return (reply.Attachments ?? [])
            .Where(a => a.ContentType == HeroCardType && a.Content is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty("buttons", out _))
            .SelectMany(a => a.Content!.Value.GetProperty("buttons").Deserialize<CardAction[]>(BotJson.Options) ?? [])
            .ToArray();
    }

    /// <summary>Sends a reply in <paramref name="turnContext"/>'s conversation.</summary>
    public static Task SendAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken, params string[] buttons) =>
        turnContext.SendActivityAsync(Create(text, buttons), cancellationToken);

    /// <summary>Sends a reply with buttons that may send other text than they show.</summary>
    public static Task SendButtonsAsync(ITurnContext turnContext, string text, IReadOnlyList<ReplyButton> buttons, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(Create(text, buttons), cancellationToken);
}
