using System.Text;
using System.Text.RegularExpressions;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>
/// How an answer cites a clause for a reader: the list it belongs to (the document's title, or in a document holding
/// several lists the right list's title), the document number, and a clause reference in words (第三部分（十五）第1项,
/// “学习星”第1项) instead of the internal id (§2.三.(十五).1#2), which stays in the sources.
/// </summary>
internal static partial class ClauseCitation
{
    [GeneratedRegex("^[一二三四五六七八九十百]+$")]
    private static partial Regex ChineseNumeral();

    [GeneratedRegex(@"^\((.+)\)$")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex ArabicNumeral();

    [GeneratedRegex(@"^p(\d+)$")]
    private static partial Regex ParagraphNumber();

    [GeneratedRegex(@"^§\d+\.|[#~]\d+$")]
    private static partial Regex PartAndSentence();

    /// <summary>The title the clause is cited under: its list's title in a document of several lists, else the document's.</summary>
    public static string ListTitle(Clause clause, SourceDocument document) => clause.ListTitle ?? document.Title;

    /// <summary>The clause's place in its list, in words: 第一部分（三）第4项, 第二部分“组织委员”, “学习星”“重扣分项”第2项, 注.</summary>
    public static string Reference(Clause clause)
    {
        var id = PartAndSentence().Replace(PartAndSentence().Replace(clause.Id, string.Empty), string.Empty);
        var text = new StringBuilder();
        var items = 0;
        foreach (var segment in id.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (ChineseNumeral().IsMatch(segment))
            {
                text.Append('第').Append(segment).Append("部分");
            }
            else if (Parenthesised().Match(segment) is { Success: true } inner)
            {
                text.Append('（').Append(inner.Groups[1].Value).Append('）');
            }
            else if (ArabicNumeral().IsMatch(segment))
            {
                text.Append(items++ == 0 ? "第" + segment + "项" : "（" + segment + "）");
            }
            else if (ParagraphNumber().Match(segment) is { Success: true } paragraph)
            {
                text.Append('第').Append(paragraph.Groups[1].Value).Append('段');
            }
            else if (segment is "注" or "备注")
            {
                text.Append(segment);
            }
            else if (segment != "表格")
            {
                text.Append('“').Append(segment).Append('”');
            }
        }

        return text.ToString();
    }
}
