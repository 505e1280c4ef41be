using System.Text;
using PartyAffairs.Knowledge.Retrieval;

namespace PartyAffairs.Bot.State;

/// <summary>Mainland China mobile numbers as the roster stores them: 11 digits starting 13–19.</summary>
public static class MobileNumbers
{
    /// <summary>
    /// Normalises a number as a platform or a person wrote it ("+86 138-0013-8000", "0086 13800138000", full-width
    /// digits, spaces, dashes, dots, brackets); false when it is not a mainland mobile number (including other country codes).
    /// </summary>
    public static bool TryNormalize(string? input, out string mobile)
    {
        mobile = string.Empty;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
        {
            return false;
        }

        var text = UnicodeText.ToFormKC(input).Trim().TrimStart('(');
        var plus = text.StartsWith('+');
        var digits = new StringBuilder(text.Length);
        foreach (var c in plus ? text[1..] : text)
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (!(char.IsWhiteSpace(c) || c is '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        var number = digits.ToString();
        if (plus)
        {
            if (!number.StartsWith("86", StringComparison.Ordinal))
            {
                return false;
            }

            number = number[2..];
        }
        else if (number.Length == 15 && number.StartsWith("0086", StringComparison.Ordinal))
        {
            number = number[4..];
        }
        else if (number.Length == 13 && number.StartsWith("86", StringComparison.Ordinal))
        {
            number = number[2..];
        }

        if (number.Length != 11 || number[0] != '1' || number[1] is < '3' or > '9')
        {
            return false;
        }

        mobile = number;
        return true;
    }
}
