using System.Net;

namespace PartyAffairs.BotFramework.Http;

/// <summary>Who is calling, as far as this host can tell: the connection's address, for limits and loopback-only features.</summary>
public static class ClientAddress
{
    /// <summary>
    /// True when the caller is on this machine: a loopback connection (or an in-process/Unix-socket one, which has no IP
    /// address) that was not forwarded by a proxy (no <c>X-Forwarded-For</c> or <c>Forwarded</c> header).
    /// </summary>
    public static bool IsLocal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded"))
        {
            return false;
        }

        return context.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address);
    }

    /// <summary>The caller's address as a key for limits (<c>local</c> when the connection has none).</summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "local";
    }
}
