using System.Text;
using System.Text.Json;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Channels;

/// <summary>
/// A bot message reduced to what text-only platforms can show: the text (with any hero card's title and text) and the
/// reply options its suggested actions and card buttons offer (imBack, postBack and messageBack with text).
/// </summary>
public sealed record OutgoingText(string Text, IReadOnlyList<ReplyOption> Options)
{
    private const string HeroCard = "application/vnd.microsoft.card.hero";
    private const string ThumbnailCard = "application/vnd.microsoft.card.thumbnail";

    /// <summary>The text of a message activity; null for other activity types or a message with nothing to show.</summary>
    public static OutgoingText? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type is not (null or ActivityTypes.Message))
        {
            return null;
        }

        var text = new StringBuilder(activity.Text?.Trim() ?? string.Empty);
        var options = new List<ReplyOption>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.ContentType is HeroCard or ThumbnailCard && attachment.Content is { ValueKind: JsonValueKind.Object } card)
            {
                foreach (var field in (string[])["title", "subtitle", "text"])
                {
                    if (card.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } line)
                    {
                        AppendLine(text, line);
                    }
                }

                if (card.TryGetProperty("buttons", out var buttons) && buttons.ValueKind == JsonValueKind.Array)
                {
                    options.AddRange(buttons.Deserialize<CardAction[]>(BotJson.Options)!.Select(ToOption).OfType<ReplyOption>());
                }
            }
            else if (attachment.ContentUrl is { Length: > 0 } url && url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                AppendLine(text, url);
            }
        }

        options.AddRange((activity.SuggestedActions?.Actions ?? []).Select(ToOption).OfType<ReplyOption>());
        var distinct = options.DistinctBy(o => o.Text, StringComparer.Ordinal).ToArray();
        return text.Length == 0 && distinct.Length == 0 ? null : new OutgoingText(text.ToString(), distinct);
    }

    /// <summary>The text followed by a line naming the replies to type (in <paramref name="texts"/>' words), for platforms without buttons.</summary>
    public string WithReplyHint(ChannelTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (Options.Count == 0)
        {
            return Text;
        }

        var hint = texts.ReplyHintPrefix + string.Join(texts.ReplyHintSeparator, Options.Select(o => texts.ReplyOption(o.Text)));
        return Text.Length == 0 ? hint : Text + "\n\n" + hint;
    }

    private static ReplyOption? ToOption(CardAction action)
    {
        var sends = action.Type switch
        {
            ActionTypes.ImBack or ActionTypes.PostBack when action.Value is { ValueKind: JsonValueKind.String } value => value.GetString(),
            ActionTypes.MessageBack => action.Text,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(sends) ? null : new ReplyOption(string.IsNullOrWhiteSpace(action.Title) ? sends : action.Title, sends);
    }

    private static void AppendLine(StringBuilder text, string line)
    {
        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(line.Trim());
    }
}
