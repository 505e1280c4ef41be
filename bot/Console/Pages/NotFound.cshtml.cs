using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PartyAffairs.Bot.WebConsole.Pages;

/// <summary>Any other address under <c>/console</c>: the 404 page (never an empty answer).</summary>
[ConsolePublic]
internal sealed class NotFoundModel : PageModel
{
    public IActionResult OnGet() => StatusPage.NotFound(HttpContext);

    public IActionResult OnPost() => StatusPage.NotFound(HttpContext);
}
