namespace PartyAffairs.Scheduler.Delivery;

/// <summary>The values an idempotency key goes through (stored as “state|detail”).</summary>
public static class ReminderState
{
    /// <summary>An instance owns it and has not called the channel yet (safe to hand to another instance if it dies).</summary>
    public const string Claimed = "claimed";

    /// <summary>The channel is being called: outcome unknown if the instance dies now (then recorded as failed, never re-sent).</summary>
    public const string Sending = "sending";

    /// <summary>Delivered.</summary>
    public const string Sent = "sent";

    /// <summary>Refused or interrupted; kept for the operator.</summary>
    public const string Failed = "failed";

    /// <summary>Not sent: the member confirmed or took leave first.</summary>
    public const string Skipped = "skipped";

    /// <summary>Not sent: no longer useful when its turn came.</summary>
    public const string Dropped = "dropped";

    /// <summary>The state part of a stored value.</summary>
    public static string Of(string? value) => value is null ? string.Empty : value.Split('|')[0];
}
