using System.Globalization;

namespace PartyAffairs.Knowledge.Duties;

/// <summary>
/// Reads the numbers the documents write: ASCII and full-width digits (12, １２, 0.5), Chinese numerals (一 两 二 十 十二
/// 二十四 一百零五 〇), and the slip of a Latin "l" for 1 ("每月召开 l次").
/// </summary>
public static class ChineseNumber
{
    /// <summary>A regular-expression fragment matching one number as the documents write it (without the "l" slip).</summary>
    public const string Pattern = @"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千]+)";

    /// <summary>Parses a whole number; false when <paramref name="text"/> is not one number.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (!TryParseDecimal(text, out var number) || number != decimal.Truncate(number) || number > int.MaxValue)
        {
            return false;
        }

        value = (int)number;
        return true;
    }

    /// <summary>Parses a number that may have a fraction (digits only: "0.5", "１.５"); false when it is not one number.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        if (text is "l" or "I" or "ｌ")
        {
            value = 1;
            return true;
        }

        if (IsDigitLike(text[0]))
        {
            return TryParseDigits(text, out value);
        }

        if (!TryParseChinese(text, out var whole))
        {
            return false;
        }

        value = whole;
        return true;
    }

    private static bool IsDigitLike(char c) => c is (>= '0' and <= '9') or (>= '０' and <= '９');

    private static bool TryParseDigits(ReadOnlySpan<char> text, out decimal value)
    {
        Span<char> ascii = stackalloc char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            ascii[i] = c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' => '.',
                _ => c,
            };
        }

        return decimal.TryParse(ascii, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static int? DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => null,
    };

    private static int? UnitValue(char c) => c switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => null,
    };

    // Positional reading: 十二 = 12, 二十四 = 24, 一百零五 = 105; a run of digits without units (二〇二〇) reads digit by digit.
    private static bool TryParseChinese(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        var hasUnit = false;
        foreach (var c in text)
        {
            if (UnitValue(c) is not null)
            {
                hasUnit = true;
            }
            else if (DigitValue(c) is null)
            {
                return false;
            }
        }

        if (!hasUnit)
        {
            foreach (var c in text)
            {
                value = checked((value * 10) + DigitValue(c)!.Value);
            }

            return true;
        }

        var total = 0;
        int? pending = null;
        var lastUnit = int.MaxValue;
        foreach (var c in text)
        {
            if (UnitValue(c) is { } unit)
            {
                if (unit >= lastUnit)
                {
                    return false;
                }

                total += (pending ?? 1) * unit;
                pending = null;
                lastUnit = unit;
            }
            else
            {
                var digit = DigitValue(c)!.Value;
                if (pending is not null && digit != 0 && pending != 0)
                {
                    return false;
                }

                pending = digit == 0 ? pending ?? 0 : digit;
            }
        }

        value = total + (pending ?? 0);
        return true;
    }
}
