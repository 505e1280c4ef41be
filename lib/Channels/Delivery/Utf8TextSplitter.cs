using System.Text;

namespace PartyAffairs.Channels.Delivery;

/// <summary>Splits text into parts of at most N UTF-8 bytes, on character boundaries, preferring line breaks.</summary>
public static class Utf8TextSplitter
{
    /// <summary>The parts, in order; their concatenation is the input. Empty input gives one empty part.</summary>
    public static IReadOnlyList<string> Split(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 4);
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return [text];
        }

        var parts = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            var bytes = 0;
            var lastBreak = -1;
            while (end < text.Length)
            {
                // A lone surrogate decodes as U+FFFD (3 bytes), as Encoding.UTF8 will write it.
                Rune.DecodeFromUtf16(text.AsSpan(end), out var rune, out var consumed);
                if (bytes + rune.Utf8SequenceLength > maxBytes)
                {
                    break;
                }

                bytes += rune.Utf8SequenceLength;
                end += consumed;
                if (rune.Value == '\n')
                {
                    lastBreak = end;
                }
            }

            // Cut after the last line break when it keeps at least half of the part; otherwise at the byte limit.
            if (end < text.Length && lastBreak > start && lastBreak - start >= (end - start) / 2)
            {
                end = lastBreak;
            }

            parts.Add(text[start..end]);
            start = end;
        }

        return parts;
    }
}
