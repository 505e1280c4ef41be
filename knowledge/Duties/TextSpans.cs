namespace PartyAffairs.Knowledge.Duties;

/// <summary>Splits a sentence into semicolon parts and comma chunks, as offsets, so positions stay comparable.</summary>
internal static class TextSpans
{
    /// <summary>Parts of [start, end) between top-level 。；！？ (outside brackets and quotes).</summary>
    public static List<(int Start, int End)> Parts(string text, int start, int end) =>
        Split(text, start, end, c => c is '。' or '；' or ';' or '！' or '？' or '!' or '?', bracketsBind: true);

    /// <summary>Chunks of [start, end) between commas, colons and semicolons; brackets do not bind them (a scoring note
    /// “（3分，每半年报送1次开展情况，每次1.5分）” has chunks of its own), quotation marks do.</summary>
    public static List<(int Start, int End)> Chunks(string text, int start, int end) =>
        Split(text, start, end, c => c is '，' or ',' or '：' or ':' or '；' or ';' or '。' or '！' or '？' or '!' or '?', bracketsBind: false);

    /// <summary>The end of the part that starts at <paramref name="partStart"/>.</summary>
    public static int PartEnd(string text, int partStart) =>
        Parts(text, partStart, text.Length)[0].End;

    private static List<(int Start, int End)> Split(string text, int start, int end, Func<char, bool> isBreak, bool bracketsBind)
    {
        var pieces = new List<(int, int)>();
        var depth = 0;
        var quoted = false;
        var pieceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '“')
            {
                quoted = true;
            }
            else if (c == '”')
            {
                quoted = false;
            }
            else if (c is '（' or '(' or '《' or '<' or '〔')
            {
                depth++;
            }
            else if (c is '）' or ')' or '》' or '>' or '〕')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (!quoted && (depth == 0 || !bracketsBind) && isBreak(c))
            {
                pieces.Add((pieceStart, i));
                pieceStart = i + 1;
            }
        }

        pieces.Add((pieceStart, end));
        return pieces;
    }
}
