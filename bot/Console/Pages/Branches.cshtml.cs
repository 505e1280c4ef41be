using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.WebConsole.Pages;

/// <summary><c>/console/branches</c>: every branch, for the organization office; a secretary goes to their own branch.</summary>
internal sealed class BranchesModel(RosterStore roster) : PageModel
{
    public IReadOnlyList<(Branch Branch, int Members)> Branches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var session = ConsoleAccessFilter.Session(HttpContext);
        if (!session.IsOffice)
        {
            return Redirect(Request.PathBase + "/console/branches/" + Uri.EscapeDataString(session.BranchId!));
        }

        var branches = await roster.ListBranchesAsync(cancellationToken);
        var counts = await Task.WhenAll(branches.Select(b => roster.ListMembersAsync(b.Id, cancellationToken)));
        Branches = branches.Zip(counts, (b, m) => (b, m.Count)).ToArray();
        return Page();
    }
}
