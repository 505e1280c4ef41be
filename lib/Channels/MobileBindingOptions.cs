namespace PartyAffairs.Channels;

/// <summary>
/// Binding by the roster's mobile number on one platform (section <c>&lt;Platform&gt;:MobileBinding</c>): when an
/// unbound user writes, the platform's contacts are asked for their mobile number and, if exactly one roster member
/// has it, the account is bound to that member.
/// </summary>
public sealed class MobileBindingOptions
{
    /// <summary>On by default whenever the platform itself is configured.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Longest wait for the platform's answer; after it the member gets the invite-code prompt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a user whose lookup found no unique member is not looked up again (0 = every message).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(10);
}
