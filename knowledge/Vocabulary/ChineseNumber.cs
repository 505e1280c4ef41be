using System.Globalization;

namespace PartyAffairs.Knowledge.Vocabulary;

/// <summary>
/// The one reader of numbers for the whole product: ASCII and full-width digits (12, １２, 0.5), Chinese numerals (一 两 俩
/// 仨 二 十 十二 二十四 一百零五 〇), 半 (0.5), the slip of a Latin "l" for 1 ("每月召开 l次"), and ranges as members and the
/// documents write them (一两个月, 两三次, 三五天, 十一二, 二三十, 1—2个, 2至3次, 三到五).
/// </summary>
public static class ChineseNumber
{
    /// <summary>A regular-expression fragment matching one number or an unseparated range (一两), without 半 and the "l" slip.</summary>
    public const string Pattern = @"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两俩仨三四五六七八九十百千]+)";

    /// <summary>The characters that join the two ends of a written range (1—2, 2至3, 三到五).</summary>
    public const string RangeSeparators = "—–-－~～至到";

    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create(RangeSeparators);

    /// <summary>Parses a whole number; false when <paramref name="text"/> is not one number (a range, a fraction, words).</summary>
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

    /// <summary>Parses one number that may have a fraction ("0.5", "１.５", "半"); false when it is not one number.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (!TryParseRange(text, out var range) || !range.IsSingle)
        {
            return false;
        }

        value = range.Min;
        return true;
    }

    /// <summary>
    /// Parses one number or a range: 一两 (1–2), 两三 (2–3), 三五 (3–5), 十一二 (11–12), 二三十 (20–30), 1—2, 2至3, 三到五.
    /// A single number gives a range whose ends are equal. False when the text is neither.
    /// </summary>
    public static bool TryParseRange(ReadOnlySpan<char> text, out NumberRange range)
    {
        range = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        var separator = text.IndexOfAny(Separators);
        if (separator > 0 && separator < text.Length - 1)
        {
            if (TryParseSingle(text[..separator].Trim(), out var low) && TryParseSingle(text[(separator + 1)..].Trim(), out var high) && low < high)
            {
                range = new NumberRange(low, high);
                return true;
            }

            return false;
        }

        if (TryParseSingle(text, out var single))
        {
            range = new NumberRange(single, single);
            return true;
        }

        return TryParseAdjacentRange(text, out range);
    }

    private static bool TryParseSingle(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (text is "l" or "I" or "ｌ")
        {
            value = 1;
            return true;
        }

        if (text is "半")
        {
            value = 0.5m;
            return true;
        }

        if (IsDigitLike(text[0]))
        {
            return TryParseDigits(text, out value);
        }

        if (HasAdjacentRange(text) || !TryParseChinese(text, out var whole))
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
        '二' or '两' or '俩' => 2,
        '三' or '仨' => 3,
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

    // Two non-zero digits side by side, the second one or two above the first (一两, 两三, 三五, 七八), make a spoken range:
    // 一两个月 is one or two months, not twelve. Years (二〇二〇) hold a zero and read digit by digit.
    private static int AdjacentRangeAt(ReadOnlySpan<char> text)
    {
        var at = -1;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (DigitValue(text[i]) is { } a and > 0 && DigitValue(text[i + 1]) is { } b && b - a is 1 or 2)
            {
                if (at >= 0)
                {
                    return -1;
                }

                at = i;
            }
        }

        return at >= 0 && !text.ContainsAny('零', '〇') ? at : -1;
    }

    private static bool HasAdjacentRange(ReadOnlySpan<char> text) => AdjacentRangeAt(text) >= 0;

    // 十一二 → 十一 and 十二; 二三十 → 二十 and 三十; 两三 → 两 and 三.
    private static bool TryParseAdjacentRange(ReadOnlySpan<char> text, out NumberRange range)
    {
        range = default;
        var at = AdjacentRangeAt(text);
        if (at < 0)
        {
            return false;
        }

        var low = string.Concat(text[..(at + 1)], text[(at + 2)..]);
        var high = string.Concat(text[..at], text[(at + 1)..]);
        if (!TryParseChinese(low, out var min) || !TryParseChinese(high, out var max) || min >= max)
        {
            return false;
        }

        range = new NumberRange(min, max);
        return true;
    }

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
