using System.Globalization;

namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>Direct Line activity ids (<c>conv|0000001</c>) and watermarks (the decimal sequence).</summary>
internal static class ActivityIds
{
    /// <summary>The id of the activity with this sequence number.</summary>
    public static string Format(string conversationId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");

    /// <summary>The sequence number of an id of this conversation, or null when the id is not one.</summary>
    public static long? SequenceOf(string conversationId, string? id)
    {
        if (id is null || id.Length <= conversationId.Length + 1 || !id.StartsWith(conversationId, StringComparison.Ordinal) || id[conversationId.Length] != '|')
        {
            return null;
        }

        return long.TryParse(id.AsSpan(conversationId.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : null;
    }

    /// <summary>Reads a watermark; absent, <c>-</c> or not a number means "from the start".</summary>
    public static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>The watermark string after this sequence number.</summary>
    public static string FormatWatermark(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);
}
