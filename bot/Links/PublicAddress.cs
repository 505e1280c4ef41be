using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Operations;

namespace PartyAffairs.Bot.Links;

/// <summary>
/// The address users reach the host at, for links sent in chat: <c>Links:PublicBaseUrl</c>, else the host's first
/// listening address (a wildcard host shown as <c>localhost</c>), else <c>http://localhost</c>.
/// </summary>
public sealed class PublicAddress(IOptions<LinkOptions> options, IServer server)
{
    /// <summary>An absolute URL for <paramref name="pathAndQuery"/> (starting with <c>/</c>) under the public base address.</summary>
    public Uri For(string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        var configured = options.Value.PublicBaseUrl;
        var root = configured is not null
            ? configured.AbsoluteUri.TrimEnd('/')
            : StartupBanner.BaseUrl(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) is { Length: > 0 } listening
                ? listening
                : "http://localhost";
        return new Uri(root + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery));
    }
}
