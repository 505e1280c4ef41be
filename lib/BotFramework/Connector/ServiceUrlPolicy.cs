using System.Net;
using Microsoft.Extensions.Options;

namespace PartyAffairs.BotFramework.Connector;

/// <summary>
/// Which <c>serviceUrl</c> the bot may talk to: https on a host of <see cref="BotFrameworkOptions.AllowedServiceUrlHosts"/>
/// (exact, or <c>*.suffix</c>), or a loopback address (http or https) when that list names it or when unauthenticated
/// Emulator mode is on. The connector endpoint refuses other activities and the connector client never posts elsewhere, so a
/// caller cannot make the bot send a member's replies to a host of its choosing.
/// </summary>
public sealed class ServiceUrlPolicy
{
    private readonly BotFrameworkOptions _options;

    /// <summary>A policy over the connector settings.</summary>
    public ServiceUrlPolicy(IOptions<BotFrameworkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <summary>True when replies may be posted to <paramref name="serviceUrl"/>.</summary>
    public bool IsAllowed(string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var host = uri.IdnHost.TrimEnd('.');
        var listed = _options.AllowedServiceUrlHosts.Any(pattern => Matches(pattern, host));
        if (IsLoopbackHost(host))
        {
            return listed || (_options.AllowUnauthenticated && !_options.IsAuthenticationEnabled);
        }

        return listed && uri.Scheme == "https";
    }

    /// <summary>True for <c>localhost</c> and loopback IP literals.</summary>
    public static bool IsLoopbackHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var bare = host.Trim('[', ']');
        return bare.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address));
    }

    private static bool Matches(string pattern, string host)
    {
        var p = pattern.Trim().TrimEnd('.');
        if (p.StartsWith("*.", StringComparison.Ordinal))
        {
            return host.EndsWith(p[1..], StringComparison.OrdinalIgnoreCase) && host.Length > p.Length - 1;
        }

        return host.Equals(p, StringComparison.OrdinalIgnoreCase);
    }
}
