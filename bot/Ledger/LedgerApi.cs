using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PartyAffairs.Bot.Admin;
using PartyAffairs.Ledger.Completion;
using PartyAffairs.Ledger.Dues;
using PartyAffairs.Ledger.Export;
using PartyAffairs.Ledger.Records;
using PartyAffairs.Ledger.Study;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Ledger;

/// <summary>
/// The ledger's admin endpoints under /api/admin/branches/{branchId}: records (三会一课 …) with their audit trail, dues
/// assessments and payments, study hours, completions of any period, and the year's workbook. Same bearer token as the
/// rest of /api/admin; a store that does not answer gives 503 with a JSON error, never 500.
/// </summary>
internal static class LedgerApi
{
    /// <summary>The actor recorded in the audit trail for changes through the admin API, unless the caller names one.</summary>
    public const string AdminActor = "admin";

    /// <summary>The header a caller may use to name the person behind an admin change (kept in the audit trail).</summary>
    public const string ActorHeader = "X-Admin-User";

    private static readonly JsonSerializerOptions Body = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>Maps the endpoints, each behind the admin bearer token.</summary>
    public static RouteGroupBuilder MapLedgerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The shared admin group: token, throttled failures, store failures (TimeoutException covers the ledger's
        // LedgerUnavailableException) and oversized bodies answered alike.
        var group = endpoints.MapAdminGroup("/api/admin/branches/{branchId}");

        group.MapPost("/records", CreateRecordAsync);
        group.MapGet("/records", ListRecordsAsync);
        group.MapGet("/records/{recordId:long}", GetRecordAsync);
        group.MapPut("/records/{recordId:long}", UpdateRecordAsync);
        group.MapDelete("/records/{recordId:long}", DeleteRecordAsync);
        group.MapGet("/records/{recordId:long}/history", RecordHistoryAsync);
        group.MapPut("/members/{memberId}/dues", SetDuesAsync);
        group.MapGet("/members/{memberId}/dues", GetDuesAsync);
        group.MapPost("/members/{memberId}/dues/payments", PayDuesAsync);
        group.MapDelete("/members/{memberId}/dues/payments/{batchId}", UndoPaymentAsync);
        group.MapPost("/members/{memberId}/study", AddStudyAsync);
        group.MapGet("/members/{memberId}/study", GetStudyAsync);
        group.MapGet("/study", ListStudyAsync);
        group.MapGet("/completions", CompletionsAsync);
        group.MapGet("/ledger.xlsx", ExportAsync);
        return group;
    }

    private static async Task<IResult> CreateRecordAsync(string branchId, HttpRequest request, RecordService records, ILoggerFactory loggers, CancellationToken ct)
    {
        var (input, error) = await ReadAsync<RecordInput>(request, ct);
        if (input is null)
        {
            return error!;
        }

        var actor = Actor(request);
        var outcome = await records.CreateAsync(branchId, input, actor, ct);
        if (outcome is { Status: RecordStatus.Saved, Record: { } record })
        {
            var logger = loggers.CreateLogger(typeof(LedgerApi));
            LedgerLog.RecordChanged(logger, record.Id, branchId, "created", actor);
            return Results.Created($"/api/admin/branches/{branchId}/records/{record.Id}", RecordView.Of(record));
        }

        return Refused(outcome);
    }

    private static async Task<IResult> ListRecordsAsync(string branchId, string? year, RecordService records, TimeProvider time, CancellationToken ct)
    {
        if (!TryYear(year, time, out var value))
        {
            return Results.BadRequest(new LedgerError(LedgerApiTexts.YearInvalid));
        }

        return await records.ListAsync(branchId, value, ct) is { } list
            ? Results.Ok(list.Select(RecordView.Of).ToArray())
            : Results.NotFound(new LedgerError(AdminMessages.BranchNotFound));
    }

    private static async Task<IResult> GetRecordAsync(string branchId, long recordId, RecordService records, CancellationToken ct) =>
        await records.GetAsync(branchId, recordId, ct) is { } record
            ? Results.Ok(RecordView.Of(record))
            : Results.NotFound(new LedgerError(LedgerApiTexts.RecordNotFound));

    private static async Task<IResult> UpdateRecordAsync(string branchId, long recordId, HttpRequest request, RecordService records, ILoggerFactory loggers, CancellationToken ct)
    {
        var (input, error) = await ReadAsync<RecordInput>(request, ct);
        if (input is null)
        {
            return error!;
        }

        var actor = Actor(request);
        var outcome = await records.UpdateAsync(branchId, recordId, input, actor, ct);
        if (outcome is { Status: RecordStatus.Saved, Record: { } record })
        {
            var logger = loggers.CreateLogger(typeof(LedgerApi));
            LedgerLog.RecordChanged(logger, record.Id, branchId, "updated", actor);
            return Results.Ok(RecordView.Of(record));
        }

        return Refused(outcome);
    }

    private static async Task<IResult> DeleteRecordAsync(string branchId, long recordId, HttpRequest request, RecordService records, ILoggerFactory loggers, CancellationToken ct)
    {
        var actor = Actor(request);
        var outcome = await records.DeleteAsync(branchId, recordId, actor, ct);
        if (outcome.Status == RecordStatus.Saved)
        {
            var logger = loggers.CreateLogger(typeof(LedgerApi));
            LedgerLog.RecordChanged(logger, recordId, branchId, "deleted", actor);
            return Results.NoContent();
        }

        return Refused(outcome);
    }

    private static async Task<IResult> RecordHistoryAsync(string branchId, long recordId, RecordService records, CancellationToken ct) =>
        await records.HistoryAsync(branchId, recordId, ct) is { } history
            ? Results.Ok(history)
            : Results.NotFound(new LedgerError(LedgerApiTexts.RecordNotFound));

    private static async Task<IResult> SetDuesAsync(string branchId, string memberId, HttpRequest request, DuesService dues, CancellationToken ct)
    {
        var (input, error) = await ReadAsync<DuesProfileInput>(request, ct);
        if (input is null)
        {
            return error!;
        }

        var outcome = await dues.SetProfileAsync(branchId, memberId, input, Actor(request), ct);
        return outcome is { Status: DuesStatus.Saved, Account: { } account }
            ? Results.Ok(DuesView.Of(account, outcome.Assessment))
            : DuesRefused(outcome);
    }

    private static async Task<IResult> GetDuesAsync(string branchId, string memberId, string? year, DuesService dues, TimeProvider time, CancellationToken ct)
    {
        if (!TryYear(year, time, out var value))
        {
            return Results.BadRequest(new LedgerError(LedgerApiTexts.YearInvalid));
        }

        return await dues.GetAsync(branchId, memberId, value, ct) is { } account
            ? Results.Ok(DuesView.Of(account))
            : Results.NotFound(new LedgerError(AdminMessages.MemberNotFound));
    }

    private static async Task<IResult> PayDuesAsync(string branchId, string memberId, HttpRequest request, DuesService dues, CancellationToken ct)
    {
        var (input, error) = await ReadAsync<PaymentInput>(request, ct);
        if (input is null)
        {
            return error!;
        }

        var outcome = await dues.RecordPaymentAsync(branchId, memberId, input, Actor(request), null, ct);
        return outcome.Status switch
        {
            DuesStatus.Saved => Results.Ok(new { payments = outcome.Payments, notes = outcome.Errors, dues = DuesView.Of(outcome.Account!) }),
            DuesStatus.NothingToDo => Results.Conflict(new LedgerError(outcome.Message, outcome.Errors)),
            _ => DuesRefused(outcome),
        };
    }

    private static async Task<IResult> UndoPaymentAsync(string branchId, string memberId, string batchId, DuesService dues, CancellationToken ct)
    {
        var outcome = await dues.UndoPaymentAsync(branchId, memberId, batchId, ct);
        return outcome.Status switch
        {
            DuesStatus.Saved => Results.Ok(new { removed = outcome.Payments, dues = DuesView.Of(outcome.Account!) }),
            DuesStatus.NothingToDo => Results.NotFound(new LedgerError(LedgerApiTexts.PaymentNotFound)),
            _ => DuesRefused(outcome),
        };
    }

    private static async Task<IResult> AddStudyAsync(string branchId, string memberId, HttpRequest request, StudyService study, CancellationToken ct)
    {
        var (input, error) = await ReadAsync<StudyEntryInput>(request, ct);
        if (input is null)
        {
            return error!;
        }

        var outcome = await study.AddAsync(branchId, memberId, input, Actor(request), null, ct);
        return outcome.Status switch
        {
            RecordStatus.Saved => Results.Created($"/api/admin/branches/{branchId}/members/{memberId}/study", new { id = outcome.EntryId, study = StudyView.Of(outcome.Summary!) }),
            RecordStatus.BranchNotFound => Results.NotFound(new LedgerError(AdminMessages.BranchNotFound)),
            RecordStatus.MemberNotFound => Results.NotFound(new LedgerError(AdminMessages.MemberNotFound)),
            _ => Results.BadRequest(new LedgerError(outcome.Message, outcome.Errors)),
        };
    }

    private static async Task<IResult> GetStudyAsync(string branchId, string memberId, string? year, StudyService study, TimeProvider time, CancellationToken ct)
    {
        if (!TryYear(year, time, out var value))
        {
            return Results.BadRequest(new LedgerError(LedgerApiTexts.YearInvalid));
        }

        return await study.SummaryAsync(branchId, memberId, value, ct) is { } summary
            ? Results.Ok(StudyView.Of(summary))
            : Results.NotFound(new LedgerError(AdminMessages.MemberNotFound));
    }

    private static async Task<IResult> ListStudyAsync(string branchId, string? year, StudyService study, TimeProvider time, CancellationToken ct)
    {
        if (!TryYear(year, time, out var value))
        {
            return Results.BadRequest(new LedgerError(LedgerApiTexts.YearInvalid));
        }

        return await study.SummariesAsync(branchId, value, ct) is { } list
            ? Results.Ok(list.Select(StudyView.Of).ToArray())
            : Results.NotFound(new LedgerError(AdminMessages.BranchNotFound));
    }

    private static async Task<IResult> CompletionsAsync(string branchId, string? year, CompletionHistory history, TimeProvider time, CancellationToken ct)
    {
        if (!TryYear(year, time, out var value))
        {
            return Results.BadRequest(new LedgerError(LedgerApiTexts.YearInvalid));
        }

        return await history.YearAsync(branchId, value, ct) is { } list
            ? Results.Ok(list.Select(s => new
            {
                s.SubjectId, s.Name, s.Role, s.DutyKind, s.DutyTitle, s.PeriodKey, state = s.StateText, s.Count, s.Required, s.RecordedAt,
            }).ToArray())
            : Results.NotFound(new LedgerError(AdminMessages.BranchNotFound));
    }

    private static async Task<IResult> ExportAsync(string branchId, string? year, LedgerExport export, TimeProvider time, CancellationToken ct)
    {
        if (!TryYear(year, time, out var value))
        {
            return Results.BadRequest(new LedgerError(LedgerApiTexts.YearInvalid));
        }

        return await export.BuildAsync(branchId, value, ct) is { } workbook
            ? Results.File(workbook.Content, LedgerWorkbook.ContentType, workbook.FileName)
            : Results.NotFound(new LedgerError(AdminMessages.BranchNotFound));
    }

    private static IResult Refused(RecordOutcome outcome) => outcome.Status switch
    {
        RecordStatus.BranchNotFound => Results.NotFound(new LedgerError(AdminMessages.BranchNotFound)),
        RecordStatus.RecordNotFound => Results.NotFound(new LedgerError(LedgerApiTexts.RecordNotFound)),
        RecordStatus.MemberNotFound => Results.NotFound(new LedgerError(AdminMessages.MemberNotFound)),
        _ => Results.BadRequest(new LedgerError(outcome.Message, outcome.Errors)),
    };

    private static IResult DuesRefused(DuesOutcome outcome) => outcome.Status switch
    {
        DuesStatus.BranchNotFound => Results.NotFound(new LedgerError(AdminMessages.BranchNotFound)),
        DuesStatus.MemberNotFound => Results.NotFound(new LedgerError(AdminMessages.MemberNotFound)),
        _ => Results.BadRequest(new LedgerError(outcome.Message, outcome.Errors)),
    };

    private static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Body, ct);
            return value is null ? (null, Results.BadRequest(new LedgerError(LedgerApiTexts.BodyRequired))) : (value, null);
        }
        catch (Exception e) when ((e is JsonException or NotSupportedException or BadHttpRequestException) && !BotFramework.Http.RequestBodyTooLargeException.IsTooLarge(e))
        {
            return (null, Results.BadRequest(new LedgerError(AdminMessages.BodyInvalid)));
        }
    }

    /// <summary>The year asked for, or this year (Asia/Shanghai) when none; false for anything but 2000–2100.</summary>
    private static bool TryYear(string? text, TimeProvider time, out int year)
    {
        if (string.IsNullOrEmpty(text))
        {
            year = TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100;
    }

    private static string Actor(HttpRequest request) =>
        request.Headers[ActorHeader].ToString().Trim() is { Length: > 0 and <= 32 } name ? name : AdminActor;
}
