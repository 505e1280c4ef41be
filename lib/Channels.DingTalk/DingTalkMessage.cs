using System.Text.Json.Nodes;

namespace PartyAffairs.Channels.DingTalk;

/// <summary>
/// One DingTalk robot message: plain text, or markdown when it carries one-tap replies. Replies become
/// <c>dtmd://dingtalkclient/sendMessage?content=…</c> links, which make the client send that text as the member's message.
/// </summary>
internal sealed record DingTalkMessage(string Title, string Text, bool IsMarkdown)
{
    private const int TitleLength = 20;

    /// <summary>
    /// The messages for a bot reply: long texts split on character boundaries, replies on the last part; titled by the
    /// text's first line, or <paramref name="defaultTitle"/> when it has none.
    /// </summary>
    public static IReadOnlyList<DingTalkMessage> From(OutgoingText outgoing, int maxBytes, string defaultTitle)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        var links = outgoing.Options.Count == 0
            ? string.Empty
            : "\n\n" + string.Join("　", outgoing.Options.Select(o => $"[{EscapeLinkText(o.Title)}](dtmd://dingtalkclient/sendMessage?content={Uri.EscapeDataString(o.Text)})"));
        var parts = Delivery.Utf8TextSplitter.Split(outgoing.Text, maxBytes - System.Text.Encoding.UTF8.GetByteCount(links));
        var title = TitleOf(outgoing.Text, defaultTitle);
        return parts.Select((part, i) => i == parts.Count - 1 && links.Length > 0
                ? new DingTalkMessage(title, MarkdownLines(part) + links, IsMarkdown: true)
                : new DingTalkMessage(title, part, IsMarkdown: false))
            .ToArray();
    }

    /// <summary>A notice for a group robot: markdown under a title, split into parts that fit.</summary>
    public static IReadOnlyList<DingTalkMessage> Notice(string title, string text, int maxBytes) =>
        Delivery.Utf8TextSplitter.Split(text, maxBytes).Select(part => new DingTalkMessage(title, MarkdownLines(part), IsMarkdown: true)).ToArray();

    /// <summary>The body robot webhooks (sessionWebhook, custom group robot) take.</summary>
    public JsonObject ToWebhookBody(IReadOnlyList<string>? atUserIds = null)
    {
        var body = IsMarkdown
            ? new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["title"] = Title, ["text"] = Text } }
            : new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = Text } };
        if (atUserIds is { Count: > 0 })
        {
            body["at"] = new JsonObject { ["atUserIds"] = new JsonArray(atUserIds.Select(id => (JsonNode?)id).ToArray()), ["isAtAll"] = false };
        }

        return body;
    }

    /// <summary>The <c>msgKey</c> and <c>msgParam</c> the robot OpenAPI takes.</summary>
    public (string MsgKey, string MsgParam) ToOpenApi() => IsMarkdown
        ? ("sampleMarkdown", new JsonObject { ["title"] = Title, ["text"] = Text }.ToJsonString())
        : ("sampleText", new JsonObject { ["content"] = Text }.ToJsonString());

    private static string TitleOf(string text, string defaultTitle)
    {
        var firstLine = text.Split('\n', 2)[0].Trim();
        if (firstLine.Length == 0)
        {
            return defaultTitle;
        }

        var cut = firstLine.Length <= TitleLength ? firstLine.Length : char.IsHighSurrogate(firstLine[TitleLength - 1]) ? TitleLength - 1 : TitleLength;
        return firstLine[..cut];
    }

    // DingTalk markdown needs a hard break to keep the bot's line breaks.
    private static string MarkdownLines(string text) => text.Replace("\n", "  \n", StringComparison.Ordinal);

    private static string EscapeLinkText(string title) => title.Replace("[", "［", StringComparison.Ordinal).Replace("]", "］", StringComparison.Ordinal);
}
