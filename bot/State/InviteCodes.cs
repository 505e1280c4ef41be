using System.Security.Cryptography;
using PartyAffairs.Knowledge.Retrieval;

namespace PartyAffairs.Bot.State;

/// <summary>One-time invite codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L).</summary>
public static class InviteCodes
{
    /// <summary>The characters codes are made of.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>Code length.</summary>
    public const int Length = 6;

    /// <summary>A new random code.</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Normalises what a member typed (case, spaces, full-width letters); false when it cannot be a code.</summary>
    public static bool TryNormalize(string? input, out string code)
    {
        code = string.Empty;
        if (input is null)
        {
            return false;
        }

        var chars = UnicodeText.ToFormKC(input)
            .Where(c => !char.IsWhiteSpace(c))
            .Select(char.ToUpperInvariant)
            .ToArray();
        if (chars.Length != Length || chars.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        code = new string(chars);
        return true;
    }
}
