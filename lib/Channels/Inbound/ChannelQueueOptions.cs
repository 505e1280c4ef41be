using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.Channels.Inbound;

/// <summary>The Redis inbox between an acknowledged platform callback and the bot's turn (section <c>Channels:Queue</c>).</summary>
public sealed class ChannelQueueOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Channels:Queue";

    /// <summary>Turns waiting at most, over all partitions; beyond it callbacks get 503 and the platform retries.</summary>
    [Range(1, 10_000_000)]
    public int Capacity { get; set; } = 10_000;

    /// <summary>
    /// Partitions of the inbox; each instance runs one turn per partition at a time, and one sender's messages always
    /// share a partition, so they run in order. Drain the inbox before lowering it (items of removed partitions wait).
    /// </summary>
    [Range(1, 64)]
    public int Partitions { get; set; } = 4;

    /// <summary>How long an instance's claim on the turns it took lasts without a heartbeat (renewed every third of it).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle worker looks for turns accepted by other instances or recovered from a dead one.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// On shutdown, how long running turns may finish; then they are cancelled and put back at the head of their
    /// partitions at once, for the next instance (or this one after a restart). Keep it below the host's shutdown timeout.
    /// </summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(15);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Lease < TimeSpan.FromMilliseconds(300) || PollInterval <= TimeSpan.Zero || ShutdownGrace < TimeSpan.Zero)
        {
            yield return new ValidationResult("Channels:Queue: Lease must be at least 300 ms, PollInterval positive, ShutdownGrace not negative.");
        }
    }
}
