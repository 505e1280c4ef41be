using System.Globalization;
using System.Text.RegularExpressions;

namespace PartyAffairs.Knowledge.Corpus;

/// <summary>Reads a document's cover: issuer, number, title, date, addressees; tells the parser which lines those are.</summary>
internal static partial class DocumentMetadataReader
{
    private const int HeaderLines = 20;

    [GeneratedRegex(@"[\u4e00-\u9fa5]{1,10}〔\d{4}〕\d+号")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(印发)?$")]
    private static partial Regex DateLinePattern();

    [GeneratedRegex(@"《([^《》]+)》")]
    private static partial Regex QuotedTitlePattern();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fa5”“])\s+(?=[\u4e00-\u9fa5“”])")]
    private static partial Regex SpaceBetweenHanPattern();

    [GeneratedRegex(@"^中共(?<city>[\u4e00-\u9fa5]{2,3}?)市(?:(?<district>[\u4e00-\u9fa5]{2})[区县](?!级))?")]
    private static partial Regex PlacePattern();

    [GeneratedRegex(@"[。，；：:,;]")]
    private static partial Regex PunctuationPattern();

    /// <summary>Cover information and the indexes of the lines that hold it.</summary>
    internal sealed record Result(string? Title, string? Issuer, string? Number, DateOnly? Date, IReadOnlyList<string> Places, ISet<int> Lines);

    public static Result Read(IReadOnlyList<string> lines)
    {
        string? title = null, issuer = null, number = null;
        DateOnly? date = null;
        var used = new HashSet<int>();
        var limit = Math.Min(lines.Count, HeaderLines);

        for (var i = 0; i < limit; i++)
        {
            var t = lines[i].Trim();
            if (t.Length == 0 || used.Contains(i))
            {
                continue;
            }

            var numberMatch = NumberPattern().Match(t);
            if (numberMatch.Success && t.Length <= 30)
            {
                number ??= numberMatch.Value;
                used.Add(i);
                continue;
            }

            var aboutAt = t.IndexOf("关于", StringComparison.Ordinal);
            if (t.StartsWith("中共", StringComparison.Ordinal) && aboutAt > 0 && title is null)
            {
                issuer ??= t[..aboutAt].Trim();
                title = ReadTitle(lines, i, t[aboutAt..], used);
                continue;
            }

            if (t.StartsWith("中共", StringComparison.Ordinal) && t.Length <= 40 && !PunctuationPattern().IsMatch(t))
            {
                var name = t.EndsWith("文件", StringComparison.Ordinal) ? t[..^2] : t;
                var dateInLine = DatePattern().Match(name);
                if (dateInLine.Success)
                {
                    name = name[..dateInLine.Index].Trim();
                    date ??= ToDate(dateInLine);
                }

                issuer ??= name;
                used.Add(i);
                continue;
            }

            if (t.StartsWith("关于", StringComparison.Ordinal) && title is null)
            {
                title = ReadTitle(lines, i, t, used);
                continue;
            }

            var dateLine = DateLinePattern().Match(t);
            if (dateLine.Success)
            {
                date ??= ToDate(dateLine);
                used.Add(i);
                continue;
            }

            if (title is not null && (t.EndsWith('：') || t.EndsWith(':')) && t.Contains('各', StringComparison.Ordinal))
            {
                used.Add(i); // addressees
                continue;
            }

            if (t.Contains("印发给你们", StringComparison.Ordinal))
            {
                used.Add(i); // the cover note itself
            }
        }

        // The closing "issuer … date 印发" line.
        for (var i = Math.Max(0, lines.Count - 4); i < lines.Count; i++)
        {
            var t = lines[i].Trim();
            if (t.StartsWith("中共", StringComparison.Ordinal) && t.EndsWith("印发", StringComparison.Ordinal))
            {
                var m = DatePattern().Match(t);
                if (m.Success)
                {
                    date ??= ToDate(m);
                }

                used.Add(i);
            }
        }

        var places = new List<string>();
        if (issuer is not null)
        {
            var place = PlacePattern().Match(issuer);
            if (place.Success)
            {
                places.Add(place.Groups["city"].Value);
                if (place.Groups["district"].Success)
                {
                    places.Add(place.Groups["district"].Value);
                }
            }
        }

        return new Result(title, issuer, number, date, places, used);
    }

    /// <summary>The title a citation should use: the listed document of a "关于印发《…》的通知", else the line itself.</summary>
    public static string CitationTitle(string title)
    {
        var quoted = QuotedTitlePattern().Match(title);
        var chosen = title.StartsWith("关于印发", StringComparison.Ordinal) && quoted.Success ? quoted.Groups[1].Value : title;
        return SpaceBetweenHanPattern().Replace(chosen, string.Empty);
    }

    private static string ReadTitle(IReadOnlyList<string> lines, int start, string first, HashSet<int> used)
    {
        var title = first;
        used.Add(start);
        for (var j = start + 1; j < lines.Count && j <= start + 3 && !IsTitleComplete(title); j++)
        {
            var next = lines[j].Trim();
            if (next.Length == 0)
            {
                continue;
            }

            title += next;
            used.Add(j);
        }

        return title;
    }

    private static bool IsTitleComplete(string title) =>
        title.EndsWith("通知", StringComparison.Ordinal) || title.EndsWith("意见", StringComparison.Ordinal)
        || title.EndsWith('）') || title.EndsWith("决定", StringComparison.Ordinal) || title.EndsWith("办法", StringComparison.Ordinal);

    private static DateOnly? ToDate(Match m)
    {
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }
}
