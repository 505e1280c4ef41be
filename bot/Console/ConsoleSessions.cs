using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PartyAffairs.Bot.State;
using StackExchange.Redis;

namespace PartyAffairs.Bot.WebConsole;

/// <summary>
/// Console sessions kept in Redis (<c>pa:console:session:{id}</c>, expiring with the session), so every instance sees
/// them and sign-out ends them at once; the browser holds only the random id in an HttpOnly cookie.
/// </summary>
public sealed class ConsoleSessions(IConnectionMultiplexer redis, IOptions<ConsoleOptions> options, TimeProvider time)
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "pa_console";

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Starts a session for a branch secretary.</summary>
    public Task<ConsoleSession> StartSecretaryAsync(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return SaveAsync(new ConsoleSession
        {
            Id = NewId(), BranchId = member.BranchId, MemberId = member.Id, DisplayName = member.Name,
            ExpiresAt = time.GetUtcNow().Add(options.Value.SessionLifetime),
        });
    }

    /// <summary>Starts a session for the organization office.</summary>
    public Task<ConsoleSession> StartOfficeAsync() => SaveAsync(new ConsoleSession
    {
        Id = NewId(), IsOffice = true, DisplayName = ConsoleTexts.Office, ExpiresAt = time.GetUtcNow().Add(options.Value.SessionLifetime),
    });

    /// <summary>The live session named by the request's cookie, or null.</summary>
    public async Task<ConsoleSession?> FindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var id) || string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return null;
        }

        var session = StoreJson.Read<ConsoleSession>(await Db.StringGetAsync(Key(id)));
        return session is not null && session.ExpiresAt > time.GetUtcNow() ? session : null;
    }

    /// <summary>Ends a session.</summary>
    public Task EndAsync(ConsoleSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Db.KeyDeleteAsync(Key(session.Id));
    }

    /// <summary>
    /// Sets the session cookie: HttpOnly, SameSite=Lax, Secure on HTTPS, scoped to the console's path. A browser-session
    /// cookie (no Expires): the session's end is enforced here, by the store, whatever the browser's clock says.
    /// </summary>
    public static void WriteCookie(HttpContext context, ConsoleSession session)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        context.Response.Cookies.Append(CookieName, session.Id, CookieOptions(context));
    }

    /// <summary>Removes the session cookie.</summary>
    public static void ClearCookie(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, CookieOptions(context));
    }

    private static CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Path = context.Request.PathBase.Add("/console").Value,
        IsEssential = true,
    };

    private async Task<ConsoleSession> SaveAsync(ConsoleSession session)
    {
        await Db.StringSetAsync(Key(session.Id), StoreJson.Write(session), session.ExpiresAt - time.GetUtcNow());
        return session;
    }

    private static RedisKey Key(string id) => "pa:console:session:" + id;

    private static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
