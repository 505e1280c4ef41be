namespace PartyAffairs.Scheduler.Calendar;

/// <summary>Where the State Council notices loaded by operators are kept, shared by every instance.</summary>
public interface IHolidayNoticeStore
{
    /// <summary>Every loaded notice: year → the notice's JSON (<see cref="HolidayNoticeJson"/>).</summary>
    Task<IReadOnlyDictionary<int, string>> GetAllAsync(CancellationToken cancellationToken);

    /// <summary>Stores a year's notice (already validated), replacing the year's previous one.</summary>
    Task SaveAsync(HolidayYear notice, CancellationToken cancellationToken);
}
