namespace PartyAffairs.BotFramework.Connector;

/// <summary>
/// Bot Framework connector settings (section <c>BotFramework</c>; <c>MicrosoftAppId</c> and <c>MicrosoftAppPassword</c>
/// may also be given at the configuration root, as Azure Bot Service samples do).
/// Without an app id the endpoint is closed, unless <see cref="AllowUnauthenticated"/> opts in to Emulator mode (loopback
/// callers only, replies to loopback only, no tokens).
/// </summary>
public sealed class BotFrameworkOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "BotFramework";

    /// <summary>The bot's Microsoft App ID; when set, inbound requests need a valid channel JWT and replies carry a bot token.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret, used to get bot tokens (client credentials).</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The OpenID metadata document whose JWKS signs channel tokens.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Accepted <c>iss</c> values of channel tokens.</summary>
    public IList<string> ValidIssuers { get; set; } = ["https://api.botframework.com"];

    /// <summary>Where bot tokens come from (OAuth 2.0 client credentials).</summary>
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    /// <summary>The scope requested for bot tokens.</summary>
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Whether the metadata and keys must be fetched over HTTPS (turn off only for loopback tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Channels (besides <c>emulator</c> and <c>msteams</c>) whose proactive messages go to their <c>serviceUrl</c>.</summary>
    public IList<string> ConnectorChannels { get; set; } = [];

    /// <summary>
    /// Without an app id: answer unauthenticated activities from loopback callers (the Bot Framework Emulator). Off by
    /// default; never turn it on for a host reachable from the network through a proxy on the same machine.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>
    /// Hosts replies may be posted to over https (exact names or <c>*.suffix</c>); configured entries are added to these.
    /// A loopback entry (<c>127.0.0.1</c>, <c>localhost</c>) also allows http to it.
    /// </summary>
    public IList<string> AllowedServiceUrlHosts { get; set; } =
        ["*.botframework.com", "smba.trafficmanager.net", "*.botframework.azure.us", "*.botframework.azure.cn"];

    /// <summary>True when authentication is configured.</summary>
    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
