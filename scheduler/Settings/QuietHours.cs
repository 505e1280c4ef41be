namespace PartyAffairs.Scheduler.Settings;

/// <summary>Local hours in which no reminder is sent; the window may wrap midnight (21:30–08:00).</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>True when <paramref name="time"/> falls in the window (start inclusive, end exclusive).</summary>
    public bool Contains(TimeOnly time) => Start <= End
        ? time >= Start && time < End
        : time >= Start || time < End;

    /// <summary>The first local moment at or after <paramref name="local"/> that is outside the window.</summary>
    public DateTime NextAllowed(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        if (!Contains(time))
        {
            return local;
        }

        var endToday = local.Date + End.ToTimeSpan();
        return endToday > local ? endToday : endToday.AddDays(1);
    }
}
