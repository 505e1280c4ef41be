namespace PartyAffairs.Delivery.Pacing;

/// <summary>
/// One budget of the shared rate limiter: a sorted set in the store (<see cref="Key"/>) and the rules every request
/// counted in it must keep, all at once (WeCom's 30 a minute and 1000 an hour per member are one budget with two rules).
/// </summary>
public sealed record RateBudget
{
    /// <summary>A budget of <paramref name="rules"/> kept in <paramref name="key"/>.</summary>
    public RateBudget(RedisKey key, params RateRule[] rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (string.IsNullOrEmpty(key) || rules.Length == 0)
        {
            throw new ArgumentException("A budget needs a key and at least one rule.", nameof(rules));
        }

        foreach (var rule in rules)
        {
            rule.Validate();
        }

        Key = key;
        Rules = rules;
        LongestWindow = rules.Max(r => r.Window);
    }

    /// <summary>The sorted set of permits (member = permit id, score = unix ms the permit counts from).</summary>
    public RedisKey Key { get; }

    /// <summary>The rules; a request is admitted only when every one of them has room.</summary>
    public IReadOnlyList<RateRule> Rules { get; }

    /// <summary>The longest window of the rules (how much history the set keeps).</summary>
    public TimeSpan LongestWindow { get; }

    /// <summary>The key's name, for logs.</summary>
    public override string ToString() => Key.ToString();
}
