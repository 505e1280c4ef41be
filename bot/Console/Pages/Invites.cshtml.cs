using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyAffairs.Bot.State;
using QRCoder;

namespace PartyAffairs.Bot.WebConsole.Pages;

/// <summary>A printable sheet of the branch's unused invite codes, each with a QR code (PNG inline) of “绑定 code”.</summary>
internal sealed class InvitesModel(RosterStore roster) : PageModel
{
    public string BranchName { get; private set; } = "";

    public IReadOnlyList<InviteCard> Cards { get; private set; } = [];

    public async Task OnGetAsync(string branchId, CancellationToken cancellationToken)
    {
        BranchName = (await roster.GetBranchAsync(branchId, cancellationToken))?.Name ?? branchId;
        var members = (await roster.ListMembersAsync(branchId, cancellationToken)).ToDictionary(m => m.Id, StringComparer.Ordinal);
        var invites = await roster.ListInvitesAsync(branchId, cancellationToken);
        Cards = invites.Where(i => members.ContainsKey(i.MemberId))
            .Select(i => new InviteCard(members[i.MemberId].Name, i.Code, Png("绑定 " + i.Code)))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();
    }

    private static string Png(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(8));
    }

    /// <summary>One card of the sheet.</summary>
    public sealed record InviteCard(string Name, string Code, string Png);
}
