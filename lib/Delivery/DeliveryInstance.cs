using System.Globalization;

namespace PartyAffairs.Delivery;

/// <summary>
/// This process's one identity in the store: every work queue names its processing list and its lease after it, and the
/// shared rate limiter its permits. Registered once per process (<see cref="DeliveryHosting.AddDelivery"/>), so all of
/// a process's queues live and die together.
/// </summary>
public sealed class DeliveryInstance
{
    /// <summary>A new identity: machine name, process id and a random suffix (unique even when a process id is reused).</summary>
    public DeliveryInstance()
        : this(string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}"))
    {
    }

    /// <summary>A given identity (tests that play a dead or a second instance).</summary>
    public DeliveryInstance(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (id.Contains('|', StringComparison.Ordinal) || id.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("An instance id must not contain '|' or a line break.", nameof(id));
        }

        Id = id;
    }

    /// <summary>The id in lease hashes, processing-list keys and claim values.</summary>
    public string Id { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
