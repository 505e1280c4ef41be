using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Operations;
using PartyAffairs.BotFramework.DirectLine;

namespace PartyAffairs.Bot.Links;

/// <summary>
/// The address users reach the host at, for links sent in chat: <c>Links:PublicBaseUrl</c>, else
/// <c>DirectLine:PublicBaseUrl</c> (the chat page's public address), else the host's first listening address (a wildcard
/// host shown as <c>localhost</c>), else <c>http://localhost</c>.
/// </summary>
public sealed class PublicAddress(IOptions<LinkOptions> options, IOptions<DirectLineOptions> directLine, IServer server)
{
    /// <summary>An absolute URL for <paramref name="pathAndQuery"/> (starting with <c>/</c>) under the public base address.</summary>
    public Uri For(string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        var configured = options.Value.PublicBaseUrl?.AbsoluteUri
            ?? (Uri.TryCreate(directLine.Value.PublicBaseUrl, UriKind.Absolute, out var chat) ? chat.AbsoluteUri : null);
        var root = configured is not null
            ? configured.TrimEnd('/')
            : StartupBanner.BaseUrl(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) is { Length: > 0 } listening
                ? listening
                : "http://localhost";
        return new Uri(root + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery));
    }
}
