using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;

namespace PartyAffairs.Bot.WebConsole;

/// <summary>The console's short status pages (403, 404, 503, refused links), as plain HTML with the console's stylesheet.</summary>
internal static class StatusPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static ContentResult Forbidden(HttpContext context) => Page(context, StatusCodes.Status403Forbidden, ConsoleTexts.ForbiddenTitle, ConsoleTexts.Forbidden);

    public static ContentResult NotFound(HttpContext context) => Page(context, StatusCodes.Status404NotFound, ConsoleTexts.NotFoundTitle, ConsoleTexts.NotFound);

    public static ContentResult Unavailable(HttpContext context) => Page(context, StatusCodes.Status503ServiceUnavailable, ConsoleTexts.UnavailableTitle, ConsoleTexts.Unavailable);

    /// <summary>A page with a title and one sentence, and a link back to the console.</summary>
    public static ContentResult Page(HttpContext context, int status, string title, string text)
    {
        ArgumentNullException.ThrowIfNull(context);
        var html = Encoder;
        var root = html.Encode(context.Request.PathBase + "/console");
        return new ContentResult
        {
            StatusCode = status,
            ContentType = "text/html; charset=utf-8",
            Content = $"""
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{html.Encode(title)} - {ConsoleTexts.Title}</title><link rel="stylesheet" href="{root}/assets/console.css"></head>
                <body><main class="narrow"><h1>{html.Encode(title)}</h1><p class="message" role="alert">{html.Encode(text)}</p>
                <p><a href="{root}">{ConsoleTexts.Title}</a></p></main></body></html>
                """,
        };
    }
}
