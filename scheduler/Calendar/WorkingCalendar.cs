using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace PartyAffairs.Scheduler.Calendar;

/// <summary>
/// Mainland China working days. A day is a working day when it is a weekday and not a day off, or when it is an adjusted
/// working day (调休). A year's days off come from the State Council notice: the table shipped with the application
/// (<c>data/cn-holidays.json</c>) or a notice an operator loaded (<see cref="ApplyLoadedNotices"/>, which wins). A year without a notice
/// uses the statutory days computed from the law (<see cref="StatutoryHolidays"/>) and is provisional: 调休 workdays and
/// bridging days are unknown, so its working days are the weekdays minus the statutory days. Quartz calendars can only
/// exclude days, so working days are computed here, never from the weekday alone. Thread-safe: loading swaps a snapshot.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>The file name of the shipped holiday table, relative to the application's base directory.</summary>
    public const string DefaultPath = "data/cn-holidays.json";

    /// <summary>The longest run of days off looked through when moving to a working day (春节 2026 has 9).</summary>
    private const int MaxDaysOffInARow = 30;

    private readonly FrozenDictionary<int, HolidayYear> _shipped;
    private readonly ConcurrentDictionary<int, FrozenDictionary<DateOnly, string>> _computed = new();
    private volatile Snapshot _snapshot;

    private WorkingCalendar(IReadOnlyDictionary<int, HolidayYear> shipped)
    {
        _shipped = shipped.ToFrozenDictionary();
        _snapshot = Snapshot.Build(_shipped, FrozenDictionary<int, HolidayYear>.Empty);
    }

    /// <summary>The years with a State Council notice (shipped or loaded).</summary>
    public IReadOnlyCollection<int> Years => _snapshot.Official.Keys;

    /// <summary>Reads the table from a file; throws <see cref="FormatException"/> naming the problem when it is malformed.</summary>
    public static WorkingCalendar Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream);
    }

    /// <summary>Loads the table shipped with the application.</summary>
    public static WorkingCalendar LoadDefault() => Load(Path.Combine(AppContext.BaseDirectory, DefaultPath));

    /// <summary>Reads the table; throws <see cref="FormatException"/> naming the problem when it is malformed.</summary>
    public static WorkingCalendar Parse(Stream json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Holiday table is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("years", out var yearsElement) || yearsElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Holiday table has no \"years\" object.");
            }

            var sources = root.TryGetProperty("sources", out var sourcesElement) && sourcesElement.ValueKind == JsonValueKind.Object ? sourcesElement : default;
            var years = new Dictionary<int, HolidayYear>();
            var holidayDates = new HashSet<DateOnly>();
            var workdayDates = new HashSet<DateOnly>();
            foreach (var year in yearsElement.EnumerateObject())
            {
                if (!int.TryParse(year.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 2000 or > 2100)
                {
                    throw new FormatException($"Holiday table: \"{year.Name}\" is not a year.");
                }

                var holidays = new List<HolidayBlock>();
                foreach (var block in Array(year.Value, "holidays", year.Name))
                {
                    var dates = Array(block, "dates", year.Name).Select(d => Date(d, number)).ToArray();
                    holidays.Add(new HolidayBlock(Name(block, year.Name), dates));
                    holidayDates.UnionWith(dates);
                }

                var workdays = new List<AdjustedWorkday>();
                foreach (var entry in Array(year.Value, "workdays", year.Name))
                {
                    if (!entry.TryGetProperty("date", out var date))
                    {
                        throw new FormatException($"Holiday table {year.Name}: a workday entry has no \"date\".");
                    }

                    var day = Date(date, number);
                    if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    {
                        throw new FormatException($"Holiday table {year.Name}: workday {day:yyyy-MM-dd} is not a weekend day.");
                    }

                    workdays.Add(new AdjustedWorkday(Name(entry, year.Name), day));
                    workdayDates.Add(day);
                }

                var source = sources.ValueKind == JsonValueKind.Object && sources.TryGetProperty(year.Name, out var s) && s.ValueKind == JsonValueKind.String
                    ? s.GetString()! : "data/cn-holidays.json";
                years[number] = new HolidayYear { Year = number, Source = source, Origin = HolidayDataOrigin.Shipped, Holidays = holidays, Workdays = workdays };
            }

            foreach (var day in workdayDates.Where(holidayDates.Contains))
            {
                throw new FormatException($"Holiday table: {day:yyyy-MM-dd} is both a holiday and a workday.");
            }

            return new WorkingCalendar(years);
        }
    }

    /// <summary>
    /// Replaces the notices loaded by operators (every instance reads them from the store): a loaded year wins over the
    /// shipped table and over the computed days; a year no longer loaded falls back to the table or the law.
    /// </summary>
    public void ApplyLoadedNotices(IEnumerable<HolidayYear> loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var years = loaded.ToDictionary(y => y.Year, y => y with { Origin = HolidayDataOrigin.Loaded });
        _snapshot = Snapshot.Build(_shipped, years.ToFrozenDictionary());
    }

    /// <summary>True when a State Council notice is known for <paramref name="year"/> (shipped or loaded).</summary>
    public bool HasDataFor(int year) => _snapshot.Official.ContainsKey(year);

    /// <summary>True when <paramref name="year"/> has no notice: its days off are the statutory days computed from the law.</summary>
    public bool IsProvisional(int year) => !HasDataFor(year);

    /// <summary>The year's days off and adjusted working days: the notice when known, else the statutory days (provisional).</summary>
    public HolidayYear Year(int year) =>
        _snapshot.Official.TryGetValue(year, out var official) ? official
        : StatutoryHolidays.Covers(year) ? StatutoryHolidays.Compute(year)
        : new HolidayYear { Year = year, Source = StatutoryHolidays.Law, Origin = HolidayDataOrigin.Computed, Holidays = [] };

    /// <summary>True for a working day: a weekday that is not a day off, or an adjusted working day (调休).</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        var snapshot = _snapshot;
        if (snapshot.Workdays.ContainsKey(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && Holiday(snapshot, date) is null;
    }

    /// <summary>True for a day off: a weekend day that is not an adjusted working day, or a holiday.</summary>
    public bool IsDayOff(DateOnly date) => !IsWorkingDay(date);

    /// <summary>The holiday's name (春节, 国庆节 …) when <paramref name="date"/> is a holiday (computed ones included), else null.</summary>
    public string? HolidayName(DateOnly date) => Holiday(_snapshot, date);

    /// <summary>True when <paramref name="date"/> is a weekend day that is an official working day (调休).</summary>
    public bool IsAdjustedWorkday(DateOnly date) => _snapshot.Workdays.ContainsKey(date);

    /// <summary>Moves a day off to a working day as <paramref name="shift"/> says; a working day stays.</summary>
    public DateOnly Shift(DateOnly date, HolidayShift shift)
    {
        if (shift == HolidayShift.None)
        {
            return date;
        }

        var step = shift == HolidayShift.Previous ? -1 : 1;
        var day = date;
        for (var i = 0; i < MaxDaysOffInARow && !IsWorkingDay(day); i++)
        {
            day = day.AddDays(step);
        }

        return day;
    }

    /// <summary>The working days nearest to <paramref name="date"/> on or before it and on or after it (both the date itself for a working day).</summary>
    public (DateOnly Before, DateOnly After) NearestWorkingDays(DateOnly date) => (Shift(date, HolidayShift.Previous), Shift(date, HolidayShift.Next));

    /// <summary>A date for examples in messages: the first working day two weeks or more after <paramref name="today"/>.</summary>
    public DateOnly ExampleDate(DateOnly today) => Shift(today.AddDays(14), HolidayShift.Next);

    private string? Holiday(Snapshot snapshot, DateOnly date)
    {
        if (snapshot.Holidays.TryGetValue(date, out var name))
        {
            return name;
        }

        if (snapshot.Official.ContainsKey(date.Year) || !StatutoryHolidays.Covers(date.Year))
        {
            return null;
        }

        return _computed.GetOrAdd(date.Year, static year => Index(StatutoryHolidays.Compute(year).Holidays)).GetValueOrDefault(date);
    }

    /// <summary>Day → holiday name; a day in two holidays (中秋节 on 10月1日) carries both names.</summary>
    private static FrozenDictionary<DateOnly, string> Index(IEnumerable<HolidayBlock> blocks)
    {
        var names = new Dictionary<DateOnly, string>();
        foreach (var block in blocks)
        {
            foreach (var date in block.Dates)
            {
                names[date] = names.TryGetValue(date, out var other) && !other.Split('、').Contains(block.Name) ? $"{other}、{block.Name}" : block.Name;
            }
        }

        return names.ToFrozenDictionary();
    }

    private static JsonElement[] Array(JsonElement parent, string property, string year)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(property, out var array))
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"Holiday table {year}: \"{property}\" is not an array.");
        }

        return [.. array.EnumerateArray()];
    }

    private static string Name(JsonElement element, string year) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"Holiday table {year}: an entry has no \"name\".");

    private static DateOnly Date(JsonElement element, int year)
    {
        if (element.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"Holiday table {year}: \"{element}\" is not a yyyy-MM-dd date.");
        }

        // 元旦 of the next year or 春节 blocks may spill over a year boundary; allow the neighbouring years only.
        if (Math.Abs(date.Year - year) > 1)
        {
            throw new FormatException($"Holiday table {year}: {date:yyyy-MM-dd} is outside the year.");
        }

        return date;
    }

    /// <summary>The notices in force (shipped, then loaded over them) and their days indexed.</summary>
    private sealed record Snapshot(FrozenDictionary<int, HolidayYear> Official, FrozenDictionary<DateOnly, string> Holidays, FrozenDictionary<DateOnly, string> Workdays)
    {
        public static Snapshot Build(FrozenDictionary<int, HolidayYear> shipped, FrozenDictionary<int, HolidayYear> loaded)
        {
            var official = new Dictionary<int, HolidayYear>(shipped);
            foreach (var (year, notice) in loaded)
            {
                official[year] = notice;
            }

            var years = official.Values.OrderBy(y => y.Year).ToArray();
            var workdays = new Dictionary<DateOnly, string>();
            foreach (var entry in years.SelectMany(y => y.Workdays))
            {
                workdays[entry.Date] = entry.Name;
            }

            return new Snapshot(official.ToFrozenDictionary(), Index(years.SelectMany(y => y.Holidays)), workdays.ToFrozenDictionary());
        }
    }
}
