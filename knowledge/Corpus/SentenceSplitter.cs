namespace PartyAffairs.Knowledge.Corpus;

/// <summary>Splits Chinese text into sentences at 。！？ outside brackets and quotes, keeping every character.</summary>
public static class SentenceSplitter
{
    /// <summary>
    /// The sentences of <paramref name="text"/>, each an exact substring (white space around them trimmed); a sentence
    /// longer than <paramref name="semicolonSplitLength"/> is further split at its semicolons, which in these documents
    /// separate duties as sentences do.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int semicolonSplitLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<string>();
        foreach (var sentence in Split(text))
        {
            if (sentence.Length <= semicolonSplitLength)
            {
                result.Add(sentence);
                continue;
            }

            var pieces = Split(sentence, '；');
            foreach (var piece in pieces)
            {
                // A very short piece ("其中；") belongs with the one before it.
                if (piece.Length < 8 && result.Count > 0 && sentence.Contains(result[^1] + piece, StringComparison.Ordinal))
                {
                    result[^1] += piece;
                }
                else
                {
                    result.Add(piece);
                }
            }
        }

        return result;
    }

    /// <summary>The sentences of <paramref name="text"/>, each an exact substring (white space around them trimmed).</summary>
    public static IReadOnlyList<string> Split(string text) => Split(text, '\0');

    private static List<string> Split(string text, char extraStop)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '（' or '(' or '“' or '《' or '「' or '<':
                    depth++;
                    break;
                case '）' or ')' or '”' or '》' or '」' or '>':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '。' or '！' or '？' or '!' or '?' when depth == 0:
                case var stop when stop == extraStop && depth == 0:
                    var end = i + 1;
                    Add(result, text, start, end);
                    start = end;
                    break;
            }
        }

        Add(result, text, start, text.Length);
        return result;
    }

    private static void Add(List<string> result, string text, int start, int end)
    {
        var piece = text[start..end].Trim();
        if (piece.Length > 0)
        {
            result.Add(piece);
        }
    }
}
