using Microsoft.Extensions.Logging;

namespace PartyAffairs.Scheduler.Calendar;

/// <summary>Log messages of the working-day calendar (ids 4200–4299).</summary>
internal static partial class CalendarLog
{
    [LoggerMessage(4201, LogLevel.Information, "Holiday notices loaded from the store for years {Years}")]
    public static partial void NoticesLoaded(ILogger logger, string years);

    [LoggerMessage(4202, LogLevel.Warning, "Holiday notices could not be read from the store; the calendar keeps the notices it had")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(4203, LogLevel.Error, "The stored holiday notice for {Year} is invalid and is ignored: {Problem}")]
    public static partial void NoticeInvalid(ILogger logger, int year, HolidayNoticeProblem problem);

    [LoggerMessage(4204, LogLevel.Warning, "Could not refresh the reminder triggers of branch {Branch} after the holiday notices changed; its next tick plans with the new calendar")]
    public static partial void TriggerRefreshFailed(ILogger logger, Exception exception, string branch);

    [LoggerMessage(4205, LogLevel.Information, "Holiday notice for {Year} stored by an operator; it replaces that year's computed or earlier days off")]
    public static partial void NoticeStored(ILogger logger, int year);
}
