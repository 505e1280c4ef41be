using PartyAffairs.Ledger.Roster;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Ledger.Branches;

/// <summary>Builds a <see cref="BranchScope"/> from the roster, the branch's reminder settings and the duty catalogs.</summary>
public sealed class BranchScopes(IBranchRoster roster, IBranchSettingsStore settings, BranchDutyCatalogs catalogs, TimeProvider time)
{
    /// <summary>The branch's scope, or null when there is no such branch.</summary>
    public async Task<BranchScope?> GetAsync(string branchId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(branchId);
        var branch = await roster.GetBranchAsync(branchId, cancellationToken);
        if (branch is null)
        {
            return null;
        }

        var membersTask = roster.ListMembersAsync(branchId, cancellationToken);
        var stored = await settings.GetAsync(branchId, cancellationToken) ?? new BranchReminderSettings();
        var members = await membersTask;
        var zone = stored.Zone();
        return new BranchScope
        {
            Branch = branch,
            Members = members,
            Duties = catalogs.For(stored.BindingDocuments),
            BindingDocuments = stored.BindingDocuments,
            Zone = zone,
            Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime),
        };
    }
}
