using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PartyAffairs.Bot.WebConsole.Pages;

/// <summary><c>POST /console/logout</c>: ends the session (in the store, so on every instance) and clears the cookie.</summary>
[ConsolePublic]
internal sealed class LogoutModel(ConsoleSessions sessions) : PageModel
{
    public IActionResult OnGet() => Redirect(Request.PathBase + "/console/login");

    public async Task<IActionResult> OnPostAsync()
    {
        if (HttpContext.Items[typeof(ConsoleSession)] is ConsoleSession session)
        {
            await sessions.EndAsync(session);
        }

        ConsoleSessions.ClearCookie(HttpContext);
        return StatusPage.Page(HttpContext, StatusCodes.Status200OK, ConsoleTexts.SignOut, ConsoleTexts.SignedOut);
    }
}
