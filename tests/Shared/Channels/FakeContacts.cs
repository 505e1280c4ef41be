using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace PartyAffairs.Tests.Channels;

/// <summary>
/// The contacts behind a fake platform's user-detail endpoint: which users exist and the mobile number each has (null =
/// the platform returns the user without a mobile field, as for an app without the permission), or a refusal for every
/// lookup, or no answer at all. Records every user id a lookup asked for.
/// </summary>
public sealed class FakeContacts
{
    private readonly ConcurrentQueue<string> _lookups = new();

    /// <summary>Known user ids and their mobile numbers (null: returned without a mobile field).</summary>
    public ConcurrentDictionary<string, string?> Mobiles { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every lookup of a valid token is answered with this errcode (for example "no permission").</summary>
    public long? RefusalCode { get; set; }

    /// <summary>When true, lookups are never answered (the platform is down); the request waits until the caller gives up.</summary>
    public bool Hang { get; set; }

    /// <summary>User ids asked for with a valid token, in order.</summary>
    public IReadOnlyList<string> Lookups => [.. _lookups];

    /// <summary>Records the lookup and waits forever when <see cref="Hang"/>; true when the request should be answered.</summary>
    public async Task<bool> ArriveAsync(string userId, HttpContext context)
    {
        _lookups.Enqueue(userId);
        if (!Hang)
        {
            return true;
        }

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as it should.
        }

        return false;
    }
}
