using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyAffairs.Ledger.Export;
using PartyAffairs.Ledger.Records;

namespace PartyAffairs.Bot.WebConsole.Pages;

/// <summary>The 台账: a year's records (optionally of one kind) and the year's workbook (the ledger's own export).</summary>
internal sealed class RecordsModel(RecordService records, LedgerExport export, TimeProvider time) : PageModel
{
    public string BranchId { get; private set; } = "";

    public int Year { get; private set; }

    public string? Kind { get; private set; }

    public IReadOnlyList<MeetingRecord> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string branchId, int? year, string? kind, CancellationToken cancellationToken)
    {
        BranchId = branchId;
        Year = year ?? ThisYear();
        if (Year is < 2000 or > 2100)
        {
            return StatusPage.NotFound(HttpContext);
        }

        Kind = string.IsNullOrEmpty(kind) ? null : RecordKinds.Normalize(kind);
        var list = await records.ListAsync(branchId, Year, cancellationToken) ?? [];
        Records = list.Where(r => Kind is null || r.Kind == Kind).OrderByDescending(r => r.Date).ToArray();
        return Page();
    }

    public async Task<IActionResult> OnGetWorkbookAsync(string branchId, int? year, CancellationToken cancellationToken)
    {
        var value = year ?? ThisYear();
        if (value is < 2000 or > 2100)
        {
            return StatusPage.NotFound(HttpContext);
        }

        return await export.BuildAsync(branchId, value, cancellationToken) is { } workbook
            ? File(workbook.Content, LedgerWorkbook.ContentType, workbook.FileName)
            : StatusPage.NotFound(HttpContext);
    }

    private int ThisYear() => TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;
}
