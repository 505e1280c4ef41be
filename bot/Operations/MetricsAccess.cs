using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PartyAffairs.Bot.Operations;

/// <summary>
/// Guards <c>/metrics</c>: a loopback client that is not a reverse proxy forwarding someone else (no
/// <c>X-Forwarded-For</c>/<c>Forwarded</c> header) may scrape; any other client needs <see cref="MetricsOptions.Token"/>.
/// </summary>
internal sealed class MetricsAccess(RequestDelegate next, IOptions<MetricsOptions> options)
{
    private readonly byte[]? _tokenHash = string.IsNullOrEmpty(options.Value.Token) ? null : Hash(options.Value.Token);

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsLocal(context) || HasToken(context))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Forbidden: /metrics answers loopback clients, or clients with Authorization: Bearer <Metrics:Token>.\n", context.RequestAborted);
    }

    private static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
        && IPAddress.IsLoopback(address)
        && !context.Request.Headers.ContainsKey("X-Forwarded-For")
        && !context.Request.Headers.ContainsKey("Forwarded");

    private bool HasToken(HttpContext context)
    {
        const string scheme = "Bearer ";
        var header = context.Request.Headers.Authorization.ToString();
        return _tokenHash is not null
            && header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Hash(header[scheme.Length..].Trim()), _tokenHash);
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
