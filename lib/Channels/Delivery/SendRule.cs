namespace PartyAffairs.Channels.Delivery;

/// <summary>At most <see cref="Limit"/> sends in any <see cref="Window"/> (for example 20 a minute).</summary>
public sealed record SendRule(int Limit, TimeSpan Window)
{
    /// <summary>Throws when the rule cannot admit anything.</summary>
    public void Validate()
    {
        if (Limit <= 0 || Window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Limit), $"A send rule needs a positive limit and window ({Limit} per {Window}).");
        }
    }
}
