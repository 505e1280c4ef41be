using System.Text.Json;

namespace PartyAffairs.Scheduler.Calendar;

/// <summary>
/// Mainland China working days from the holiday table (<c>data/cn-holidays.json</c>): a day is a working day when it is a
/// weekday and not a statutory holiday, or when it is an adjusted working day (调休). Quartz calendars can only exclude
/// days, so working days are computed here, never from the weekday alone.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>The file name of the shipped holiday table, relative to the application's base directory.</summary>
    public const string DefaultPath = "data/cn-holidays.json";

    private readonly Dictionary<DateOnly, string> _holidays;
    private readonly Dictionary<DateOnly, string> _workdays;
    private readonly HashSet<int> _years;

    private WorkingCalendar(Dictionary<DateOnly, string> holidays, Dictionary<DateOnly, string> workdays, HashSet<int> years)
    {
        _holidays = holidays;
        _workdays = workdays;
        _years = years;
    }

    /// <summary>The years the table covers.</summary>
    public IReadOnlyCollection<int> Years => _years;

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
            var holidays = new Dictionary<DateOnly, string>();
            var workdays = new Dictionary<DateOnly, string>();
            var years = new HashSet<int>();
            if (!document.RootElement.TryGetProperty("years", out var yearsElement) || yearsElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Holiday table has no \"years\" object.");
            }

            foreach (var year in yearsElement.EnumerateObject())
            {
                if (!int.TryParse(year.Name, out var number) || number is < 2000 or > 2100)
                {
                    throw new FormatException($"Holiday table: \"{year.Name}\" is not a year.");
                }

                years.Add(number);
                foreach (var block in Array(year.Value, "holidays", year.Name))
                {
                    var name = Name(block, year.Name);
                    foreach (var date in Array(block, "dates", year.Name))
                    {
                        holidays[Date(date, number)] = name;
                    }
                }

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

                    workdays[day] = Name(entry, year.Name);
                }
            }

            foreach (var day in workdays.Keys.Where(holidays.ContainsKey))
            {
                throw new FormatException($"Holiday table: {day:yyyy-MM-dd} is both a holiday and a workday.");
            }

            return new WorkingCalendar(holidays, workdays, years);
        }
    }

    /// <summary>True when the table has data for <paramref name="year"/>; without it only weekends count as days off.</summary>
    public bool HasDataFor(int year) => _years.Contains(year);

    /// <summary>True for a working day: a weekday that is not a holiday, or an adjusted working day (调休).</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (_workdays.ContainsKey(date))
        {
            return true;
        }

        return !_holidays.ContainsKey(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The holiday's name (春节, 国庆节 …) when <paramref name="date"/> is a statutory holiday, else null.</summary>
    public string? HolidayName(DateOnly date) => _holidays.GetValueOrDefault(date);

    /// <summary>True when <paramref name="date"/> is a weekend day that is an official working day (调休).</summary>
    public bool IsAdjustedWorkday(DateOnly date) => _workdays.ContainsKey(date);

    /// <summary>Moves a day off to a working day as <paramref name="shift"/> says; a working day stays.</summary>
    public DateOnly Shift(DateOnly date, HolidayShift shift)
    {
        if (shift == HolidayShift.None)
        {
            return date;
        }

        var step = shift == HolidayShift.Previous ? -1 : 1;
        var day = date;

        // The longest run of days off in the table is 9 (春节 2026); 30 is a safe bound.
        for (var i = 0; i < 30 && !IsWorkingDay(day); i++)
        {
            day = day.AddDays(step);
        }

        return day;
    }

    private static JsonElement[] Array(JsonElement parent, string property, string year)
    {
        if (!parent.TryGetProperty(property, out var array))
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
        element.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"Holiday table {year}: an entry has no \"name\".");

    private static DateOnly Date(JsonElement element, int year)
    {
        if (element.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
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
}
