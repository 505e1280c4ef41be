using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyAffairs.Bot.Links;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.WebConsole.Pages;

/// <summary>
/// <c>/console/signin?t=…</c>: redeems a one-time link sent in chat (once, across instances), starts the secretary's
/// session and opens the branch overview; an invalid, expired or used link gets a page saying so.
/// </summary>
[ConsolePublic]
internal sealed class SignInModel(ConsoleSignInLinks links, ConsoleSessions sessions, RosterStore roster) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? t)
    {
        var check = await links.RedeemAsync(t);
        switch (check.Status)
        {
            case LinkStatus.Expired:
                return StatusPage.Page(HttpContext, StatusCodes.Status410Gone, ConsoleTexts.LinkExpiredTitle, ConsoleTexts.LinkExpired);
            case LinkStatus.Used:
                return StatusPage.Page(HttpContext, StatusCodes.Status410Gone, ConsoleTexts.LinkUsedTitle, ConsoleTexts.LinkUsed);
            case LinkStatus.Invalid:
                return StatusPage.Page(HttpContext, StatusCodes.Status400BadRequest, ConsoleTexts.LinkInvalidTitle, ConsoleTexts.LinkInvalid);
        }

        var link = check.Link!;
        // The member may have left the branch or the office since the link was sent.
        var member = await roster.GetMemberAsync(link.Subject, HttpContext.RequestAborted);
        if (member is null || member.BranchId != link.Scope || !ConsoleRoles.MayOpen(member.Role))
        {
            return StatusPage.Page(HttpContext, StatusCodes.Status403Forbidden, ConsoleTexts.LinkInvalidTitle, ConsoleTexts.LinkMemberGone);
        }

        if (HttpContext.Items[typeof(ConsoleSession)] is ConsoleSession previous)
        {
            await sessions.EndAsync(previous);
        }

        var session = await sessions.StartSecretaryAsync(member);
        ConsoleSessions.WriteCookie(HttpContext, session);
        return Redirect(Request.PathBase + "/console/branches/" + Uri.EscapeDataString(member.BranchId));
    }
}
