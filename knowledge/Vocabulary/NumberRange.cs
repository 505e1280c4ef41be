namespace PartyAffairs.Knowledge.Vocabulary;

/// <summary>A number or a range of numbers as written (一两个月 → 1–2, 三五天 → 3–5, 2至3次 → 2–3, 半 → 0.5).</summary>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value; equal to <paramref name="Min"/> for a single number.</param>
public readonly record struct NumberRange(decimal Min, decimal Max)
{
    /// <summary>True when the text names one number rather than a range.</summary>
    public bool IsSingle => Min == Max;
}
