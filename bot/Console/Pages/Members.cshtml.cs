using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Admin;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.WebConsole.Pages;

/// <summary>
/// The roster: bound or not, invite codes, reissue; import of .csv/.xlsx with the admin import's rules (bad rows listed,
/// nothing changed); filtered lists behind the overview's numbers (<c>?duty=&amp;state=</c>, <c>?paid=</c>, <c>?study=</c>).
/// </summary>
[RequestSizeLimit(4 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 4 * 1024 * 1024)]
internal sealed class MembersModel(RosterStore roster, ConsoleOverview overview, IOptions<ConsoleOptions> options) : PageModel
{
    public string BranchId { get; private set; } = "";

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public HashSet<string> Bound { get; private set; } = [];

    public Dictionary<string, string> Codes { get; private set; } = [];

    public string? Filter { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<RosterRowError> RowErrors { get; private set; } = [];

    public int MaxKb => options.Value.MaxUploadBytes / 1024;

    public async Task<IActionResult> OnGetAsync(string branchId, string? duty, string? state, string? paid, string? study, CancellationToken cancellationToken)
    {
        await LoadAsync(branchId, cancellationToken);
        if (duty is not null)
        {
            var progress = await overview.CompletionAsync(branchId, duty, cancellationToken);
            if (progress is null)
            {
                return StatusPage.NotFound(HttpContext);
            }

            var (people, label) = state switch
            {
                "done" => (progress.Done, ConsoleTexts.Done),
                "leave" => (progress.Leave, ConsoleTexts.Leave),
                "open" => (progress.Open, ConsoleTexts.Open),
                _ => (progress.Applicable, "全部"),
            };
            Keep(people.Select(m => m.Id), $"{progress.Duty.Title} {progress.PeriodKey} {label}");
        }
        else if (paid is not null)
        {
            if (!DateOnly.TryParseExact(paid + "-01", "yyyy-MM-dd", out var month))
            {
                return StatusPage.NotFound(HttpContext);
            }

            var dues = await overview.DuesAsync(branchId, month.Year, cancellationToken);
            var names = dues[month.Month - 1].Payers.ToHashSet();
            Keep(Members.Where(m => names.Contains(m.Name)).Select(m => m.Id), $"{month:yyyy年M月}已交党费");
        }
        else if (study is "reached" or "below")
        {
            var year = overview.Today(new PartyAffairs.Scheduler.Settings.BranchReminderSettings()).Year;
            var summaries = await overview.StudyAsync(branchId, year, cancellationToken);
            var ids = summaries.Where(s => (s.Hours >= s.Quota.Hours) == (study == "reached")).Select(s => s.MemberId);
            Keep(ids, study == "reached" ? $"{year}年学时已达标" : $"{year}年学时未达标");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string branchId, IFormFile? file, CancellationToken cancellationToken)
    {
        var outcome = await ImportAsync(branchId, file, cancellationToken);
        if (outcome is not null)
        {
            Error = outcome;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(branchId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReissueAsync(string branchId, string? memberId, CancellationToken cancellationToken)
    {
        var member = memberId is null ? null : await roster.GetMemberAsync(memberId, cancellationToken);
        if (member is null || member.BranchId != branchId)
        {
            return StatusPage.NotFound(HttpContext);
        }

        await roster.IssueInviteAsync(member.Id, cancellationToken);
        Message = ConsoleTexts.Reissued(member.Name);
        await LoadAsync(branchId, cancellationToken);
        return Page();
    }

    private async Task<string?> ImportAsync(string branchId, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return ConsoleTexts.UploadMissing;
        }

        if (file.Length > options.Value.MaxUploadBytes)
        {
            return ConsoleTexts.UploadTooLarge(options.Value.MaxUploadBytes);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var (text, error) = RosterUpload.Read(content, file.FileName);
        if (text is null)
        {
            return error;
        }

        var parsed = RosterCsv.Parse(text);
        if (!parsed.IsValid)
        {
            RowErrors = parsed.Errors;
            return ConsoleTexts.UploadRejected(parsed.Errors.Count);
        }

        if (parsed.Rows.Count == 0)
        {
            return ConsoleTexts.UploadEmpty;
        }

        var imported = await roster.ImportAsync(branchId, parsed.Rows, cancellationToken);
        var created = imported.Count(i => i.Created);
        Message = ConsoleTexts.Imported(created, imported.Count - created);
        return null;
    }

    private async Task LoadAsync(string branchId, CancellationToken cancellationToken)
    {
        BranchId = branchId;
        Members = await roster.ListMembersAsync(branchId, cancellationToken);
        var accounts = await roster.GetAccountsAsync(Members.Select(m => m.Id), cancellationToken);
        Bound = accounts.Where(a => a.Value.Length > 0).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        Codes = (await roster.ListInvitesAsync(branchId, cancellationToken)).GroupBy(i => i.MemberId).ToDictionary(g => g.Key, g => g.First().Code);
    }

    private void Keep(IEnumerable<string> ids, string label)
    {
        var keep = ids.ToHashSet(StringComparer.Ordinal);
        Members = Members.Where(m => keep.Contains(m.Id)).ToArray();
        Filter = label;
    }
}
