using PartyAffairs.Bot.Admin;
using PartyAffairs.Bot.State;
using PartyAffairs.Ledger.Dues;

namespace PartyAffairs.Bot.Ledger;

/// <summary>
/// The roster's dues columns (类别, 月收入) applied after the import: each member whose assessment differs from the one
/// in force gets a new version from this month (an unchanged row adds nothing, so importing a roster again is harmless).
/// The rows were checked with <see cref="DuesService.Validate"/> before anything was imported.
/// </summary>
internal static class RosterDuesImport
{
    /// <summary>The actor recorded for assessments from a roster file.</summary>
    public const string Actor = "roster-import";

    /// <summary>Applies <paramref name="parsed"/>'s dues to the <paramref name="imported"/> members (same order as its rows); returns how many changed.</summary>
    public static async Task<int> ApplyAsync(string branchId, RosterParseResult parsed, IReadOnlyList<ImportedMember> imported, DuesService dues, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(imported);
        ArgumentNullException.ThrowIfNull(dues);
        ArgumentNullException.ThrowIfNull(time);
        var changed = 0;
        foreach (var row in parsed.Dues ?? [])
        {
            if (row.RowIndex >= imported.Count)
            {
                continue;
            }

            var memberId = imported[row.RowIndex].Member.Id;
            var current = (await dues.GetAsync(branchId, memberId, time.GetUtcNow().Year, cancellationToken))?.Current;
            var category = DuesCategories.Parse(row.Input.Category) is { } parsedCategory ? DuesCategories.Name(parsedCategory) : null;
            if (current is not null && current.Category == category && (current.MonthlyIncome is null || current.MonthlyIncome == row.Input.MonthlyIncome) && current.Reason is null)
            {
                continue;
            }

            if ((await dues.SetProfileAsync(branchId, memberId, row.Input, Actor, cancellationToken)).Status == DuesStatus.Saved)
            {
                changed++;
            }
        }

        return changed;
    }
}
