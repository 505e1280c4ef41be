using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartyAffairs.Bot.Admin;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Scheduler.Calendar;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Scheduling;

/// <summary>
/// Admin endpoints of the working-day calendar: GET a year's days off (notice or computed, and whether provisional) and
/// PUT a year's State Council notice, validated, kept in the store and in force on every instance without a redeploy.
/// </summary>
internal static class CalendarAdminApi
{
    /// <summary>The largest notice accepted (a real one is about 3 KB).</summary>
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>Maps the endpoints under /api/admin/calendar, behind the admin bearer token.</summary>
    public static RouteGroupBuilder MapCalendarAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin/calendar")
            .AddEndpointFilter<AdminAuthFilter>()
            .AddEndpointFilter(StoreFailureFilter)
            .DisableAntiforgery();
        group.MapGet("/{year}", GetAsync);
        group.MapPut("/{year}", PutAsync);
        return group;
    }

    private static async Task<IResult> GetAsync(string year, WorkingCalendar calendar, HolidayCalendarRefresher refresher, CancellationToken ct)
    {
        if (Year(year) is not { } number)
        {
            return Results.BadRequest(new AdminError(CalendarTexts.YearInvalid(year)));
        }

        // Read through to the store, so the answer shows what every instance takes up.
        await refresher.RefreshAsync(ct);
        return Results.Json(View(calendar.Year(number)));
    }

    private static async Task<IResult> PutAsync(string year, HttpRequest request, WorkingCalendar calendar, HolidayCalendarRefresher refresher, CancellationToken ct)
    {
        if (Year(year) is not { } number)
        {
            return Results.BadRequest(new AdminError(CalendarTexts.YearInvalid(year)));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.Json(new AdminError(CalendarTexts.NoticeTooLarge), statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return Results.Json(new AdminError(CalendarTexts.NoticeTooLarge), statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        HolidayYear? notice;
        HolidayNoticeProblem? problem;
        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            problem = HolidayNoticeJson.Read(document.RootElement, number, out notice);
        }
        catch (JsonException)
        {
            return Results.BadRequest(new AdminError(CalendarTexts.NoticeNotJson));
        }

        if (problem is not null)
        {
            return Results.BadRequest(new AdminError(CalendarTexts.Problem(problem)));
        }

        await refresher.LoadAsync(notice!, ct);
        return Results.Json(View(calendar.Year(number)));
    }

    /// <summary>The year's days off as the admin sees them: the notice's shape plus where it comes from.</summary>
    private static JsonObject View(HolidayYear year)
    {
        var view = new JsonObject
        {
            ["year"] = year.Year,
            ["provisional"] = year.Provisional,
            ["origin"] = year.Origin.ToString().ToLowerInvariant(),
        };
        foreach (var (name, value) in HolidayNoticeJson.ToNode(year).ToArray())
        {
            view[name] = value?.DeepClone();
        }

        if (year.Provisional)
        {
            view["note"] = CalendarTexts.ProvisionalNote;
        }

        return view;
    }

    private static int? Year(string text) =>
        text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && StatutoryHolidays.Covers(year) ? year : null;

    private static async ValueTask<object?> StoreFailureFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return Results.Json(new AdminError(AdminMessages.StoreUnavailable), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
