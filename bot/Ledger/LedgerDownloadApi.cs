using System.Net;
using PartyAffairs.Bot.Links;
using PartyAffairs.Ledger.Export;

namespace PartyAffairs.Bot.Ledger;

/// <summary>
/// <c>GET /ledger/export/{token}</c>: the workbook a signed link grants, without the admin bearer (the link is the
/// credential). A forged or altered link answers 403, an expired or used one 410, each with a short Chinese page; a
/// store outage 503.
/// </summary>
internal static class LedgerDownloadApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapLedgerDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LedgerDownloads.PathPrefix + "{token}", DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(string token, LedgerDownloads downloads, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        try
        {
            var (status, workbook) = await downloads.RedeemAsync(token, ct);
            return status switch
            {
                LinkStatus.Valid when workbook is not null => Results.File(workbook.Content, LedgerWorkbook.ContentType, workbook.FileName),
                LinkStatus.Valid => Page(StatusCodes.Status404NotFound, LedgerApiTexts.DownloadBranchGone),
                LinkStatus.Expired => Page(StatusCodes.Status410Gone, LedgerApiTexts.DownloadExpired),
                LinkStatus.Used => Page(StatusCodes.Status410Gone, LedgerApiTexts.DownloadUsed),
                _ => Page(StatusCodes.Status403Forbidden, LedgerApiTexts.DownloadInvalid),
            };
        }
        catch (Exception e) when (e is TimeoutException or StackExchange.Redis.RedisException)
        {
            return Page(StatusCodes.Status503ServiceUnavailable, LedgerApiTexts.DownloadUnavailable);
        }
    }

    private static IResult Page(int status, string message) => Results.Content(
        $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{LedgerApiTexts.DownloadTitle}</title></head>" +
        $"<body><p>{WebUtility.HtmlEncode(message)}</p></body></html>",
        "text/html; charset=utf-8",
        System.Text.Encoding.UTF8,
        status);
}
