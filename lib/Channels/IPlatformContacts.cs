namespace PartyAffairs.Channels;

/// <summary>A platform's contacts, asked for a user's mobile number so an unbound account can be bound by the roster.</summary>
public interface IPlatformContacts
{
    /// <summary>The channel whose user ids this directory knows (<c>dingtalk</c>, <c>wecom</c>).</summary>
    string ChannelId { get; }

    /// <summary>True when the platform is configured and binding by mobile number is switched on for it.</summary>
    bool IsEnabled { get; }

    /// <summary>How long a user with no unique match is not looked up again.</summary>
    TimeSpan RetryAfter { get; }

    /// <summary>
    /// The user's mobile number as the platform gives it (not normalised), or null when it gives none, refuses, fails or
    /// does not answer in time. Never throws for platform faults; failures are logged without the number.
    /// </summary>
    Task<string?> FindMobileAsync(string userId, CancellationToken cancellationToken);
}
