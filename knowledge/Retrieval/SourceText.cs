using System.Text.RegularExpressions;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>
/// A clause as an answer shows it: the source's typing slips corrected (the Latin "l" typed for the digit 1 before a
/// measure word: "每月召开 l次" → "每月召开1次"). Sources keep the clause exactly as the document has it.
/// </summary>
internal static partial class SourceText
{
    [GeneratedRegex(@"(?<=[^\x00-\x7F])\s*[lIｌ]\s*(?=[次个人名年天日项条])")]
    private static partial Regex LatinOneSlip();

    /// <summary>The text with the source's typing slips corrected.</summary>
    public static string Corrected(string text) => LatinOneSlip().Replace(text, "1");
}
