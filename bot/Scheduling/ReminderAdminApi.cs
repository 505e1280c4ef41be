using System.Text.Json;
using System.Text.Json.Nodes;
using PartyAffairs.Bot.Admin;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Bot.State;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Bot.Scheduling;

/// <summary>Admin endpoints of the reminders: GET/PUT a branch's settings (PUT answers with warnings) and GET its next reminders.</summary>
internal static class ReminderAdminApi
{
    /// <summary>Maps the endpoints under /api/admin, behind the admin bearer token; the store being down answers 503.</summary>
    public static RouteGroupBuilder MapReminderAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapAdminGroup("/api/admin/branches/{branchId}");
        group.MapGet("/settings", GetAsync);
        group.MapPut("/settings", PutAsync);
        group.MapGet("/reminders", PlanAsync);
        group.MapGet("/plan", PlanRangeAsync);
        return group;
    }

    private static async Task<IResult> GetAsync(string branchId, RosterStore roster, ReminderSettingsService settings, CancellationToken ct) =>
        await roster.GetBranchAsync(branchId, ct) is null
            ? Results.NotFound(new AdminError(AdminMessages.BranchNotFound))
            : Results.Json(await settings.GetAsync(branchId, ct), BranchSettingsJson.Options);

    private static async Task<IResult> PutAsync(string branchId, HttpRequest request, RosterStore roster, ReminderSettingsService settings, CancellationToken ct)
    {
        if (await roster.GetBranchAsync(branchId, ct) is null)
        {
            return Results.NotFound(new AdminError(AdminMessages.BranchNotFound));
        }

        BranchReminderSettings? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<BranchReminderSettings>(request.Body, BranchSettingsJson.Options, ct);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            return Results.BadRequest(new AdminError(ReminderHostTexts.SettingsBodyInvalid));
        }

        if (body is null)
        {
            return Results.BadRequest(new AdminError(ReminderHostTexts.SettingsBodyInvalid));
        }

        // Lists are sets and bounded: the one save path (BranchSettingsService) merges repeats and refuses what is too long.
        var outcome = await settings.ReplaceAsync(branchId, body, ct);
        if (!outcome.Saved)
        {
            return Results.BadRequest(new AdminError(outcome.Reply));
        }

        // The settings as GET shows them, plus the warnings (a themed day on a day off, with the nearest working days).
        var answer = JsonSerializer.SerializeToNode(outcome.Settings, BranchSettingsJson.Options)!.AsObject();
        answer["warnings"] = new JsonArray([.. outcome.Warnings.Select(w => JsonValue.Create(w))]);
        return Results.Json(answer);
    }

    /// <summary>
    /// GET …/plan?from=YYYY-MM-DD&amp;to=YYYY-MM-DD: every message the branch would be sent on those days (at most 400), as
    /// the same planner and digests send them, from the roster as it is now.
    /// </summary>
    private static async Task<IResult> PlanRangeAsync(string branchId, string? from, string? to, RosterStore roster, ReminderPlanPreview preview, CancellationToken ct)
    {
        if (await roster.GetBranchAsync(branchId, ct) is null)
        {
            return Results.NotFound(new AdminError(AdminMessages.BranchNotFound));
        }

        if (!TryDay(from, out var first) || !TryDay(to, out var last))
        {
            return Results.BadRequest(new AdminError(ReminderHostTexts.PlanRangeUnreadable));
        }

        if (first > last)
        {
            return Results.BadRequest(new AdminError(ReminderHostTexts.PlanRangeReversed));
        }

        if (last.DayNumber - first.DayNumber + 1 > ReminderPlanPreview.MaxDays)
        {
            return Results.BadRequest(new AdminError(ReminderHostTexts.PlanRangeTooLong(ReminderPlanPreview.MaxDays)));
        }

        var entries = await preview.PreviewAsync(branchId, first, last, ct);
        return Results.Json(entries.Select(ReminderPlanView.Of).ToArray(), PlanJson);
    }

    private static readonly JsonSerializerOptions PlanJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day);

    private static async Task<IResult> PlanAsync(string branchId, RosterStore roster, ReminderSettingsService settings, CancellationToken ct) =>
        await roster.GetBranchAsync(branchId, ct) is null
            ? Results.NotFound(new AdminError(AdminMessages.BranchNotFound))
            : Results.Ok(new { branchId, plan = await settings.DescribePlanAsync(branchId, 20, ct) });
}
