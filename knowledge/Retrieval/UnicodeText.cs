using System.Text;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>
/// Unicode normalisation that never throws: <see cref="string.Normalize(NormalizationForm)"/> refuses lone surrogates and
/// noncharacters such as U+FFFE, and members' messages may carry anything. Those code points become U+FFFD first.
/// </summary>
public static class UnicodeText
{
    /// <summary>The NFKC form of <paramref name="text"/>, with invalid code points replaced by U+FFFD.</summary>
    public static string ToFormKC(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = ReplaceInvalid(text);
        try
        {
            return clean.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Whatever else the platform's normaliser refuses: the text as it is.
            return clean;
        }
    }

    /// <summary>The text with lone surrogates and noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) replaced by U+FFFD.</summary>
    public static string ReplaceInvalid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, text[i + 1]);
                if (IsNonCharacter(scalar))
                {
                    builder.Append('\uFFFD');
                }
                else
                {
                    builder.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else
            {
                builder.Append(char.IsSurrogate(c) || IsNonCharacter(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNonCharacter(char.ConvertToUtf32(c, text[i + 1])))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsSurrogate(c) || IsNonCharacter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNonCharacter(int scalar) => scalar is >= 0xFDD0 and <= 0xFDEF || (scalar & 0xFFFE) == 0xFFFE;
}
