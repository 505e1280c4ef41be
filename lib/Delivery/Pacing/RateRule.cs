namespace PartyAffairs.Delivery.Pacing;

/// <summary>At most <see cref="Permits"/> requests in any interval of length <see cref="Window"/> (a sliding window, not a calendar slot).</summary>
/// <param name="Permits">Requests allowed per window.</param>
/// <param name="Window">The window.</param>
public sealed record RateRule(int Permits, TimeSpan Window)
{
    /// <summary>Throws when the rule cannot admit anything.</summary>
    public void Validate()
    {
        if (Permits < 1 || Window < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Permits), $"A rate rule needs at least one permit and a window of at least 1 ms ({Permits} per {Window}).");
        }
    }
}
