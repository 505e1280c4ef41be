using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Links;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.WebConsole;

/// <summary>
/// The one-time sign-in links sent in chat: purpose <c>console-signin</c>, subject the member id, scope the branch id,
/// valid for <see cref="ConsoleOptions.LinkLifetime"/>, redeemed once.
/// </summary>
public sealed class ConsoleSignInLinks(SignedLinks links, PublicAddress address, IOptions<ConsoleOptions> options)
{
    /// <summary>The links' purpose.</summary>
    public const string Purpose = "console-signin";

    /// <summary>The path of the sign-in page.</summary>
    public const string SignInPath = "/console/signin";

    /// <summary>How long links are valid.</summary>
    public TimeSpan Lifetime => options.Value.LinkLifetime;

    /// <summary>A new link for <paramref name="member"/>.</summary>
    public Uri For(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var token = links.Issue(Purpose, member.Id, member.BranchId, options.Value.LinkLifetime);
        return address.For(SignInPath + "?t=" + Uri.EscapeDataString(token));
    }

    /// <summary>Redeems a link once.</summary>
    public Task<LinkCheck> RedeemAsync(string? token) => links.RedeemAsync(token, Purpose);
}
