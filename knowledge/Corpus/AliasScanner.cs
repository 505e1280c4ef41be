namespace PartyAffairs.Knowledge.Corpus;

/// <summary>Reads a text left to right, taking at each position the first (longest) alias that matches.</summary>
internal static class AliasScanner
{
    /// <summary>Every alias occurrence as (value, start, end); <paramref name="aliases"/> must be ordered longest first.</summary>
    public static List<(string Value, int Start, int End)> Scan(string text, IReadOnlyList<(string Alias, string Value)> aliases)
    {
        var found = new List<(string, int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var matched = false;
            foreach (var (alias, value) in aliases)
            {
                if (string.CompareOrdinal(text, i, alias, 0, alias.Length) == 0)
                {
                    found.Add((value, i, i + alias.Length));
                    i += alias.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                i++;
            }
        }

        return found;
    }
}
