namespace PartyAffairs.Bot.Admin;

/// <summary>Where the admin API's token comes from.</summary>
public enum AdminCredentialSource
{
    /// <summary>No token: the admin API answers 503.</summary>
    Disabled,

    /// <summary><c>Admin:Token</c> from configuration.</summary>
    Configured,

    /// <summary>Generated on this start and stored in the data folder.</summary>
    Generated,

    /// <summary>Generated on an earlier start, read from the data folder.</summary>
    GeneratedEarlier,
}
