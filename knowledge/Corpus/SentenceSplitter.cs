namespace PartyAffairs.Knowledge.Corpus;

/// <summary>Splits Chinese text into sentences at 。！？ outside brackets and quotes, keeping every character.</summary>
public static class SentenceSplitter
{
    /// <summary>The sentences of <paramref name="text"/>, each an exact substring (white space around them trimmed).</summary>
    public static IReadOnlyList<string> Split(string text)
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
