using System.Globalization;

namespace PartyAffairs.Channels.WeCom;

/// <summary>A decrypted WeCom app callback: a message (text, image, voice …) or an event.</summary>
public sealed record WeComMessage
{
    /// <summary>The corp id the message was sent to.</summary>
    public required string ToUserName { get; init; }

    /// <summary>The sender's userid.</summary>
    public required string FromUserName { get; init; }

    /// <summary>Seconds since the epoch.</summary>
    public long CreateTime { get; init; }

    /// <summary><c>text</c>, <c>image</c>, <c>voice</c>, <c>video</c>, <c>location</c>, <c>link</c>, <c>event</c> …</summary>
    public required string MsgType { get; init; }

    /// <summary>Text content of a text message.</summary>
    public string? Content { get; init; }

    /// <summary>The message id (absent on events).</summary>
    public string? MsgId { get; init; }

    /// <summary>The app the message was sent to.</summary>
    public string? AgentId { get; init; }

    /// <summary>The event name of an event (<c>subscribe</c>, <c>enter_agent</c> …).</summary>
    public string? Event { get; init; }

    /// <summary>The id repeats are recognised by: MsgId, or sender, time and event for events.</summary>
    public string DedupId => MsgId is { Length: > 0 } id ? id : $"{FromUserName}:{CreateTime.ToString(CultureInfo.InvariantCulture)}:{Event}";

    /// <summary>Reads the decrypted XML; null when required fields are missing.</summary>
    public static WeComMessage? TryParse(string xml)
    {
        var fields = WeComXml.TryReadFields(xml);
        if (fields is null
            || !fields.TryGetValue("ToUserName", out var to) || string.IsNullOrEmpty(to)
            || !fields.TryGetValue("FromUserName", out var from) || string.IsNullOrEmpty(from)
            || !fields.TryGetValue("MsgType", out var type) || string.IsNullOrEmpty(type))
        {
            return null;
        }

        var message = new WeComMessage
        {
            ToUserName = to,
            FromUserName = from,
            MsgType = type,
            CreateTime = fields.TryGetValue("CreateTime", out var created) && long.TryParse(created, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0,
            Content = fields.GetValueOrDefault("Content"),
            MsgId = fields.GetValueOrDefault("MsgId"),
            AgentId = fields.GetValueOrDefault("AgentID"),
            Event = fields.GetValueOrDefault("Event"),
        };
        return type == "event" ? message : string.IsNullOrEmpty(message.MsgId) ? null : message;
    }
}
