using System.Globalization;

namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>Reads small numbers written in digits or Chinese numerals (3, 三, 两, 十, 十五, 二十一, 〇).</summary>
internal static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>The characters a numeral may be written with (for regular expressions).</summary>
    public const string Class = "零〇一二两三四五六七八九十";

    /// <summary>Parses 0–99 in digits or numerals; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var ten = text.IndexOf('十');
        if (ten < 0)
        {
            return text.Length == 1 && TryDigit(text[0], out value);
        }

        if (ten > 1 || text.Length > ten + 2)
        {
            return false;
        }

        var tens = 1;
        if (ten == 1 && !TryDigit(text[0], out tens))
        {
            return false;
        }

        var ones = 0;
        if (text.Length == ten + 2 && !TryDigit(text[ten + 1], out ones))
        {
            return false;
        }

        value = (tens * 10) + ones;
        return true;
    }

    /// <summary>Parses a decimal (1.5) or a numeral, with 半 for one half (半 → 0.5, 一个半 is read by the caller).</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (text is "半")
        {
            value = 0.5m;
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (TryParse(text, out var whole))
        {
            value = whole;
            return true;
        }

        return false;
    }

    private static bool TryDigit(char c, out int value)
    {
        value = c switch
        {
            '两' => 2,
            '〇' => 0,
            _ => Digits.IndexOf(c, StringComparison.Ordinal),
        };
        return value >= 0;
    }
}
