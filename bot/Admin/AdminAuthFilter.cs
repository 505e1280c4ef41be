using System.Security.Cryptography;
using System.Text;
using System.Globalization;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Http;

namespace PartyAffairs.Bot.Admin;

/// <summary>
/// Lets a request through only with <c>Authorization: Bearer {Admin:Token}</c>; 503 when no token is configured. After
/// <see cref="AdminOptions.AuthFailuresPerAddress"/> failures from one address within the window, that address gets 429
/// (the right token included) until the window ends: guessing the token is throttled on every instance.
/// </summary>
internal sealed class AdminAuthFilter(IOptions<AdminOptions> options, AttemptThrottle throttle) : IEndpointFilter
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

        var http = context.HttpContext;
        var failures = new AttemptRule(
            $"admin-auth:{ClientAddress.Of(http)}", Math.Max(1, options.Value.AuthFailuresPerAddress), options.Value.AuthFailureWindow);
        if (await throttle.IsExhaustedAsync(failures))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(options.Value.AuthFailureWindow.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Results.Json(new AdminError(AdminMessages.TooManyFailures), statusCode: StatusCodes.Status429TooManyRequests);
        }

        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        // Hashing first makes the comparison constant-time whatever the lengths.
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || !CryptographicOperations.FixedTimeEquals(Hash(header[scheme.Length..].Trim()), _tokenHash))
        {
            await throttle.TryAcquireAsync([failures]);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new AdminError(AdminMessages.Unauthorized), statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
