using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyAffairs.Bot.Conversation.Commands;
using PartyAffairs.Bot.State;
using PartyAffairs.Ledger.Study;

namespace PartyAffairs.Bot.WebConsole.Pages;

/// <summary>The branch overview: completion chart, dues per month, study hours, the next themed day and reminders.</summary>
internal sealed class OverviewModel(RosterStore roster, ConsoleOverview overview) : PageModel
{
    public string BranchId { get; private set; } = "";

    public string BranchName { get; private set; } = "";

    public int Year { get; private set; }

    public IReadOnlyList<DutyProgress> Completion { get; private set; } = [];

    public IReadOnlyList<ConsoleOverview.MonthDues> Dues { get; private set; } = [];

    public IReadOnlyList<StudySummary> Study { get; private set; } = [];

    public ConsoleOverview.UpcomingView Upcoming { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string branchId, CancellationToken cancellationToken)
    {
        BranchId = branchId;
        BranchName = (await roster.GetBranchAsync(branchId, cancellationToken))?.Name ?? branchId;
        Upcoming = await overview.UpcomingAsync(branchId, cancellationToken);
        Year = overview.Today(Upcoming.Settings).Year;
        Completion = await overview.CompletionAsync(branchId, cancellationToken);
        Dues = await overview.DuesAsync(branchId, Year, cancellationToken);
        Study = await overview.StudyAsync(branchId, Year, cancellationToken);
        return Page();
    }
}
