using System.Globalization;
using PartyAffairs.Bot.Links;
using PartyAffairs.Ledger.Export;

namespace PartyAffairs.Bot.Ledger;

/// <summary>
/// The year's workbook behind a short-lived link: <see cref="Issue"/> signs one (purpose <c>ledger-export</c>, subject
/// the branch, scope the year, <see cref="Lifetime"/>); <see cref="RedeemAsync"/> checks it, builds the workbook and
/// spends the link (single use across instances). The chat's 导出台账 and any other front end call this one service.
/// </summary>
internal sealed class LedgerDownloads(SignedLinks links, PublicAddress address, LedgerExport export)
{
    /// <summary>The signed links' purpose.</summary>
    public const string Purpose = "ledger-export";

    /// <summary>The path the links point at (the token follows).</summary>
    public const string PathPrefix = "/ledger/export/";

    /// <summary>How long a link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>A link to <paramref name="branchId"/>'s workbook of <paramref name="year"/>.</summary>
    public Uri Issue(string branchId, int year) =>
        address.For(PathPrefix + links.Issue(Purpose, branchId, year.ToString(CultureInfo.InvariantCulture), Lifetime));

    /// <summary>The workbook a token grants, once; otherwise why not (the workbook is null unless the status is valid).</summary>
    public async Task<(LinkStatus Status, LedgerWorkbook? Workbook)> RedeemAsync(string? token, CancellationToken cancellationToken)
    {
        var check = links.Check(token, Purpose);
        if (check.Status != LinkStatus.Valid || check.Link is not { } link
            || !int.TryParse(link.Scope, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || link.Subject.Length == 0)
        {
            return (check.Status == LinkStatus.Valid ? LinkStatus.Invalid : check.Status, null);
        }

        // Built before the link is spent, so a store outage leaves the link usable for a retry.
        var workbook = await export.BuildAsync(link.Subject, year, cancellationToken);
        var redeemed = await links.RedeemAsync(token, Purpose);
        return redeemed.Status == LinkStatus.Valid ? (LinkStatus.Valid, workbook) : (redeemed.Status, null);
    }
}
