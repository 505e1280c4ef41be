using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PartyAffairs.Bot.Admin;

/// <summary>Lets a request through only with <c>Authorization: Bearer {Admin:Token}</c>; 503 when no token is configured.</summary>
internal sealed class AdminAuthFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    private readonly byte[]? _tokenHash = string.IsNullOrEmpty(options.Value.Token) ? null : Hash(options.Value.Token);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (_tokenHash is null)
        {
            return Results.Json(new AdminError(AdminMessages.Disabled), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        // Hashing first makes the comparison constant-time whatever the lengths.
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || !CryptographicOperations.FixedTimeEquals(Hash(header[scheme.Length..].Trim()), _tokenHash))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new AdminError(AdminMessages.Unauthorized), statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
