using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyAffairs.Ledger.Records;

namespace PartyAffairs.Bot.WebConsole.Pages;

/// <summary>
/// Create (<c>records/new</c>) or edit (<c>records/{id}</c>) a meeting record through the ledger's
/// <see cref="RecordService"/>: its validation and messages, its audit trail (shown below the form).
/// </summary>
internal sealed class RecordModel(RecordService records) : PageModel
{
    private static readonly char[] NameSeparators = ['、', ',', '，', ';', '；', '\n', '\r'];

    public string BranchId { get; private set; } = "";

    public bool IsNew { get; private set; }

    public RecordForm Form { get; private set; } = new();

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<RecordChange> History { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string branchId, string recordId, CancellationToken cancellationToken)
    {
        BranchId = branchId;
        if (recordId == "new")
        {
            IsNew = true;
            return Page();
        }

        if (!long.TryParse(recordId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await records.GetAsync(branchId, id, cancellationToken) is not { } record)
        {
            return StatusPage.NotFound(HttpContext);
        }

        Form = RecordForm.Of(record);
        History = await records.HistoryAsync(branchId, id, cancellationToken) ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string branchId, string recordId, RecordForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        BranchId = branchId;
        Form = form;
        IsNew = recordId == "new";
        long id = 0;
        if (!IsNew && !long.TryParse(recordId, NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            return StatusPage.NotFound(HttpContext);
        }

        var (input, errors) = form.ToInput();
        if (input is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var actor = ConsoleAccessFilter.Session(HttpContext).Actor;
        var outcome = IsNew ? await records.CreateAsync(branchId, input, actor, cancellationToken) : await records.UpdateAsync(branchId, id, input, actor, cancellationToken);
        switch (outcome.Status)
        {
            case RecordStatus.Saved when outcome.Record is { } saved:
                return Redirect($"{Request.PathBase}/console/branches/{Uri.EscapeDataString(branchId)}/records/{saved.Id}?saved=1");
            case RecordStatus.RecordNotFound or RecordStatus.BranchNotFound:
                return StatusPage.NotFound(HttpContext);
            default:
                Errors = outcome.Errors.Count > 0 ? outcome.Errors : [outcome.Message];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                if (!IsNew)
                {
                    History = await records.HistoryAsync(branchId, id, cancellationToken) ?? [];
                }

                return Page();
        }
    }

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Request.Query["saved"] == "1")
        {
            Message = ConsoleTexts.RecordSaved;
        }
    }

    /// <summary>The form's fields as typed.</summary>
    public sealed class RecordForm
    {
        public string? Kind { get; set; }

        public string? Date { get; set; }

        public string? Topic { get; set; }

        public string? Speaker { get; set; }

        public string? Attendees { get; set; }

        public string? Absent { get; set; }

        public string? Hours { get; set; }

        public string? Notes { get; set; }

        public static RecordForm Of(MeetingRecord record)
        {
            ArgumentNullException.ThrowIfNull(record);
            return new RecordForm
            {
                Kind = record.Kind,
                Date = record.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Topic = record.Topic,
                Speaker = record.Speaker,
                Attendees = string.Join("、", record.Present.Select(a => a.Name)),
                Absent = string.Join("\n", record.Absent.Select(a => string.IsNullOrEmpty(a.Reason) ? a.Name : a.Name + " " + a.Reason)),
                Hours = record.Hours?.ToString("0.##", CultureInfo.InvariantCulture),
                Notes = record.Notes,
            };
        }

        /// <summary>The ledger's input; only the hours' number format is checked here, the rest by the ledger.</summary>
        public (RecordInput? Input, IReadOnlyList<string> Errors) ToInput()
        {
            decimal? hours = null;
            if (!string.IsNullOrWhiteSpace(Hours))
            {
                if (!decimal.TryParse(Hours.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                {
                    return (null, [$"学时“{Hours.Trim()}”不是数字。"]);
                }

                hours = value;
            }

            var absent = (Absent ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split([' ', '\t', '：', ':'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(parts => new AbsenceInput(parts[0], parts.Length > 1 ? parts[1] : null))
                .ToArray();
            return (new RecordInput
            {
                Kind = Kind,
                Date = Date,
                Topic = Topic,
                Speaker = Speaker,
                Attendees = (Attendees ?? "").Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Absent = absent,
                Hours = hours,
                Notes = Notes,
            }, []);
        }
    }
}
