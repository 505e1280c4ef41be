using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyAffairs.BotFramework.Schema;

/// <summary>Reads any ISO 8601 timestamp; writes it in UTC with an explicit <c>Z</c> and milliseconds (spec A2043).</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        OffsetTimestampConverter.Parse(ref reader).ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}
