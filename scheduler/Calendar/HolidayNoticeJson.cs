using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartyAffairs.Scheduler.Calendar;

/// <summary>
/// One year's State Council notice as JSON, the shape of a year in the shipped table plus its source:
/// <c>{"source": "国务院办公厅关于2027年部分节假日安排的通知…", "holidays": [{"name", "dates": [...]}], "workdays": [{"name", "date"}]}</c>.
/// Reading validates it for loading: dates inside the year, adjusted working days on Saturdays or Sundays, no date both,
/// names required, and every statutory holiday of the law present with its statutory days (each problem typed, worded for
/// the operator by the host).
/// </summary>
public static class HolidayNoticeJson
{
    /// <summary>Reads and validates a notice for <paramref name="year"/>; returns null and the notice, or the first problem.</summary>
    public static HolidayNoticeProblem? Read(JsonElement root, int year, out HolidayYear? notice)
    {
        notice = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new HolidayNoticeProblem(HolidayNoticeProblemCode.NotJson);
        }

        if (!root.TryGetProperty("source", out var sourceElement) || sourceElement.ValueKind != JsonValueKind.String
            || sourceElement.GetString()!.Trim() is not { Length: > 0 } source)
        {
            return new HolidayNoticeProblem(HolidayNoticeProblemCode.SourceMissing) { Year = year };
        }

        if (!root.TryGetProperty("holidays", out var holidaysElement) || holidaysElement.ValueKind == JsonValueKind.Null)
        {
            return new HolidayNoticeProblem(HolidayNoticeProblemCode.HolidaysMissing);
        }

        if (holidaysElement.ValueKind != JsonValueKind.Array)
        {
            return new HolidayNoticeProblem(HolidayNoticeProblemCode.NotAnArray) { Name = "holidays" };
        }

        var holidays = new List<HolidayBlock>();
        var index = 0;
        foreach (var block in holidaysElement.EnumerateArray())
        {
            index++;
            if (Name(block) is not { } name)
            {
                return new HolidayNoticeProblem(HolidayNoticeProblemCode.HolidayNameMissing) { Index = index };
            }

            if (!block.TryGetProperty("dates", out var datesElement) || datesElement.ValueKind != JsonValueKind.Array || datesElement.GetArrayLength() == 0)
            {
                return new HolidayNoticeProblem(HolidayNoticeProblemCode.DatesMissing) { Name = name };
            }

            var dates = new List<DateOnly>();
            foreach (var element in datesElement.EnumerateArray())
            {
                if (Date(element, name, year, out var date) is { } error)
                {
                    return error;
                }

                dates.Add(date);
            }

            holidays.Add(new HolidayBlock(name, [.. dates.Distinct().Order()]));
        }

        if (holidays.Count == 0)
        {
            return new HolidayNoticeProblem(HolidayNoticeProblemCode.HolidaysMissing);
        }

        var workdays = new List<AdjustedWorkday>();
        if (root.TryGetProperty("workdays", out var workdaysElement) && workdaysElement.ValueKind != JsonValueKind.Null)
        {
            if (workdaysElement.ValueKind != JsonValueKind.Array)
            {
                return new HolidayNoticeProblem(HolidayNoticeProblemCode.NotAnArray) { Name = "workdays" };
            }

            index = 0;
            foreach (var entry in workdaysElement.EnumerateArray())
            {
                index++;
                if (Name(entry) is not { } name)
                {
                    return new HolidayNoticeProblem(HolidayNoticeProblemCode.WorkdayNameMissing) { Index = index };
                }

                if (!entry.TryGetProperty("date", out var dateElement))
                {
                    return new HolidayNoticeProblem(HolidayNoticeProblemCode.WorkdayDateMissing) { Name = name };
                }

                if (Date(dateElement, name, year, out var date) is { } error)
                {
                    return error;
                }

                if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    return new HolidayNoticeProblem(HolidayNoticeProblemCode.WorkdayNotWeekend) { Name = name, Date = date };
                }

                workdays.Add(new AdjustedWorkday(name, date));
            }
        }

        var daysOff = holidays.SelectMany(h => h.Dates).ToHashSet();
        if (workdays.FirstOrDefault(w => daysOff.Contains(w.Date)) is { } both)
        {
            return new HolidayNoticeProblem(HolidayNoticeProblemCode.BothHolidayAndWorkday) { Date = both.Date };
        }

        if (StatutoryHolidays.Covers(year) && MissingStatutoryDay(year, holidays) is { } missing)
        {
            return missing;
        }

        notice = new HolidayYear
        {
            Year = year,
            Source = source,
            Origin = HolidayDataOrigin.Loaded,
            Holidays = holidays,
            Workdays = [.. workdays.DistinctBy(w => w.Date).OrderBy(w => w.Date)],
        };
        return null;
    }

    /// <summary>Reads a notice from text (the store); returns the first problem, or null.</summary>
    public static HolidayNoticeProblem? Read(string json, int year, out HolidayYear? notice)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement, year, out notice);
        }
        catch (JsonException)
        {
            notice = null;
            return new HolidayNoticeProblem(HolidayNoticeProblemCode.NotJson);
        }
    }

    /// <summary>The notice as JSON in the shape it is read in (what the store keeps).</summary>
    public static string Write(HolidayYear notice) => ToNode(notice).ToJsonString();

    /// <summary>The notice as a JSON object: source, holidays, workdays.</summary>
    public static JsonObject ToNode(HolidayYear notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new JsonObject
        {
            ["source"] = notice.Source,
            ["holidays"] = new JsonArray([.. notice.Holidays.Select(h => new JsonObject
            {
                ["name"] = h.Name,
                ["dates"] = new JsonArray([.. h.Dates.Select(d => JsonValue.Create(Text(d)))]),
            })]),
            ["workdays"] = new JsonArray([.. notice.Workdays.Select(w => new JsonObject { ["name"] = w.Name, ["date"] = Text(w.Date) })]),
        };
    }

    /// <summary>Each statutory holiday must be named in a block (春节, or 国庆节、中秋节 …) that holds its statutory days.</summary>
    private static HolidayNoticeProblem? MissingStatutoryDay(int year, IReadOnlyList<HolidayBlock> holidays)
    {
        foreach (var group in StatutoryHolidays.Days(year).GroupBy(d => d.Holiday))
        {
            var blocks = holidays.Where(h => h.Name.Contains(group.Key, StringComparison.Ordinal)).ToArray();
            if (blocks.Length == 0)
            {
                return new HolidayNoticeProblem(HolidayNoticeProblemCode.StatutoryHolidayMissing) { Name = group.Key, Year = year, Dates = [.. group.Select(d => d.Date)] };
            }

            var dates = blocks.SelectMany(b => b.Dates).ToHashSet();
            if (group.FirstOrDefault(d => !dates.Contains(d.Date)) is { } day)
            {
                return new HolidayNoticeProblem(HolidayNoticeProblemCode.StatutoryDayMissing) { Name = blocks[0].Name, StatutoryDay = day };
            }
        }

        return null;
    }

    private static string? Name(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
        && name.GetString()!.Trim() is { Length: > 0 } text ? text : null;

    private static HolidayNoticeProblem? Date(JsonElement element, string name, int year, out DateOnly date)
    {
        if (element.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            date = default;
            return new HolidayNoticeProblem(HolidayNoticeProblemCode.DateUnreadable) { Name = name, Text = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText() };
        }

        return date.Year == year ? null : new HolidayNoticeProblem(HolidayNoticeProblemCode.DateOutsideYear) { Name = name, Date = date, Year = year };
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
