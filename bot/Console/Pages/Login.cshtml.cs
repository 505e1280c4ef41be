using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Admin;

namespace PartyAffairs.Bot.WebConsole.Pages;

/// <summary><c>/console/login</c>: the organization office signs in with <c>Admin:Token</c>; failures are throttled per client address.</summary>
[ConsolePublic]
internal sealed class LoginModel(IOptions<AdminOptions> admin, ConsoleSessions sessions, LoginThrottle throttle) : PageModel
{
    public bool Ended { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(int? ended) => Ended = ended == 1;

    public async Task<IActionResult> OnPostAsync(string? token)
    {
        var expected = admin.Value.Token;
        if (string.IsNullOrEmpty(expected))
        {
            Error = ConsoleTexts.LoginDisabled;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!await throttle.MayTryAsync(client))
        {
            Error = ConsoleTexts.LoginThrottled;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (!CryptographicOperations.FixedTimeEquals(Hash(token ?? ""), Hash(expected)))
        {
            await throttle.FailedAsync(client);
            Error = ConsoleTexts.LoginWrong;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var session = await sessions.StartOfficeAsync();
        ConsoleSessions.WriteCookie(HttpContext, session);
        return Redirect(Request.PathBase + "/console/branches");
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
