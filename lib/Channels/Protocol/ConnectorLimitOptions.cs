using System.ComponentModel.DataAnnotations;
using PartyAffairs.Delivery.Pacing;

namespace PartyAffairs.Channels.Protocol;

/// <summary>
/// Per-conversation limits of Connector channels (section <c>Channels:ConnectorLimits</c>, by channel id), enforced for
/// every instance by the shared rate limiter on proactive sends. Teams allows about 7 messages a second per conversation.
/// </summary>
public sealed class ConnectorLimitOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Channels:ConnectorLimits";

    /// <summary>The limit per conversation, by channel id; channels not listed are not paced.</summary>
    public Dictionary<string, ConversationLimit> Channels { get; } = new(StringComparer.Ordinal)
    {
        ["msteams"] = new() { Permits = 7, Window = TimeSpan.FromSeconds(1) },
    };

    /// <summary>The rule of a channel, or null.</summary>
    public RateRule? RuleOf(string channelId) => Channels.GetValueOrDefault(channelId) is { } limit ? new RateRule(limit.Permits, limit.Window) : null;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Channels.Values.Any(l => l.Permits < 1 || l.Window < TimeSpan.FromMilliseconds(1)))
        {
            yield return new ValidationResult("Channels:ConnectorLimits: every limit needs Permits ≥ 1 and a Window of at least 1 ms.");
        }
    }
}
