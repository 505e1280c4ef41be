using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.BotFramework.Schema;

/// <summary>Reads any ISO 8601 timestamp; writes the offset it carries (UTC as <c>Z</c>), with milliseconds.</summary>
/// <remarks>Used for <c>localTimestamp</c> and other client times, whose offset is meaningful (spec A2050/A2051).</remarks>
internal sealed class OffsetTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(ref reader);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Offset == TimeSpan.Zero
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));

    /// <summary>Parses the current string token; a malformed value is a <see cref="JsonException"/>, like any other bad JSON.</summary>
    internal static DateTimeOffset Parse(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A timestamp must be an ISO 8601 string.");
        }

        var text = reader.GetString();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new JsonException("A timestamp must be an ISO 8601 string.");
    }
}
