using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PartyAffairs.Bot.WebConsole.Pages;

/// <summary><c>/console</c>: the office's branch list, a secretary's branch, or the login page.</summary>
[ConsolePublic]
internal sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        var root = Request.PathBase + "/console";
        return HttpContext.Items[typeof(ConsoleSession)] switch
        {
            ConsoleSession { IsOffice: true } => Redirect(root + "/branches"),
            ConsoleSession { BranchId: { } branch } => Redirect(root + "/branches/" + Uri.EscapeDataString(branch)),
            _ => Redirect(root + "/login"),
        };
    }
}
