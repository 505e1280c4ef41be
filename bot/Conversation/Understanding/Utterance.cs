using System.Globalization;
using System.Text;
using PartyAffairs.Knowledge.Retrieval;

namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>
/// One message in the forms recognition needs: <see cref="Raw"/> (trimmed, for arguments kept exactly), <see cref="Text"/>
/// (normalised: full-width forms made half-width, ASCII lower case, typos fixed, emoji dropped except completion marks,
/// which become ✓, spaces collapsed) and <see cref="Core"/> (Text without trailing punctuation, fillers such as 哈/啊/呢 and
/// leading ones such as 请问/麻烦, for whole-phrase matching).
/// </summary>
internal sealed class Utterance
{
    /// <summary>What completion marks are turned into.</summary>
    public const char CompletionMark = '✓';

    private static readonly char[] TrailingPunctuation = ['。', '.', '!', '~', '～', '…', ',', ';', ' ', '、', '?', '？', '！', '，'];

    private Utterance(string raw, string text, string core)
    {
        Raw = raw;
        Text = text;
        Core = core;
    }

    public string Raw { get; }

    public string Text { get; }

    public string Core { get; }

    /// <summary>Whether the message reads as a question, once worked out (several checks ask).</summary>
    public bool? IsQuestion { get; set; }

    public static Utterance From(string? input, IntentLexicon lexicon)
    {
        var raw = (input ?? string.Empty).Trim();
        var text = Normalize(raw, lexicon);
        return new Utterance(raw, text, Strip(text, lexicon));
    }

    /// <summary>The text without trailing punctuation and fillers, and without leading fillers when something remains.</summary>
    public static string Strip(string text, IntentLexicon lexicon)
    {
        var core = text;
        string before;
        do
        {
            before = core;
            core = core.TrimEnd(TrailingPunctuation);
            foreach (var filler in lexicon.File.TrailingFillers)
            {
                if (core.Length > filler.Length && core.EndsWith(filler, StringComparison.Ordinal))
                {
                    core = core[..^filler.Length];
                    break;
                }
            }
        }
        while (core != before);

        foreach (var filler in lexicon.File.LeadingFillers)
        {
            if (core.Length > filler.Length && core.StartsWith(filler, StringComparison.Ordinal))
            {
                core = core[filler.Length..].TrimStart(TrailingPunctuation);
                break;
            }
        }

        return core.Trim();
    }

    private static string Normalize(string raw, IntentLexicon lexicon)
    {
        if (raw.Length == 0)
        {
            return raw;
        }

        var folded = UnicodeText.ToFormKC(raw);
        var builder = new StringBuilder(folded.Length);
        var space = false;
        foreach (var rune in folded.EnumerateRunes())
        {
            var value = rune.ToString();
            if (lexicon.CompletionMarks.Contains(value))
            {
                builder.Append(CompletionMark);
                space = false;
                continue;
            }

            if (Rune.IsWhiteSpace(rune))
            {
                space = builder.Length > 0;
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.Control)
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            if (rune.IsAscii)
            {
                builder.Append(char.ToLowerInvariant((char)rune.Value));
            }
            else
            {
                builder.Append(value);
            }
        }

        var text = builder.ToString();
        foreach (var (typo, fix) in lexicon.Typos)
        {
            if (text.Contains(typo, StringComparison.Ordinal))
            {
                text = text.Replace(typo, fix, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
