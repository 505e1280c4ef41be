using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using PartyAffairs.Benchmarks.Reminders;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Completion;
using PartyAffairs.Ledger.Dues;
using PartyAffairs.Ledger.Export;
using PartyAffairs.Ledger.Records;
using PartyAffairs.Ledger.Roster;
using PartyAffairs.Ledger.Storage;
using PartyAffairs.Ledger.Study;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Settings;

namespace PartyAffairs.Benchmarks.Ledger;

/// <summary>
/// Exporting a 200-member branch's year to the workbook (<c>GET …/ledger.xlsx</c> without HTTP): 144 records (12 a month,
/// each with about 190 attendees and 10 absentees), dues assessed and paid for every month, two own study entries per
/// member, and the completions all that implies, in the embedded SQLite ledger. The set-up fills the database through the
/// services (as the admin API would) and prints one measured export.
/// </summary>
[MemoryDiagnoser]
public class LedgerExportBenchmarks
{
    private const int Members = 200;
    private const string Branch = "bench";
    private string _folder = null!;
    private LedgerDatabase _database = null!;
    private LedgerExport _export = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "pa-ledger-bench-" + Guid.NewGuid().ToString("N"));
        _database = LedgerDatabase.ForSqlite(Path.Combine(_folder, "ledger.db"));
        var time = new FixedTimeProvider(DateTimeOffset.Parse("2026-12-31T18:00:00+08:00", CultureInfo.InvariantCulture));
        var members = Enumerable.Range(0, Members)
            .Select(i => new RosterMember($"m{i:000}", $"党员{i:000}", i == 0 ? "党支部书记" : i < 5 ? "组织委员" : "党员", new DateOnly(2026, 1, 1)))
            .ToArray();
        var roster = new Roster(new RosterBranch(Branch, "机关第一党支部", DateTimeOffset.Parse("2026-01-01T09:00:00+08:00", CultureInfo.InvariantCulture)), members);
        var scopes = new BranchScopes(roster, new Settings(), new BranchDutyCatalogs([], []), time);
        var quotas = new StudyQuotaResolver([], []);
        var records = new RecordService(_database, scopes, quotas, time);
        var dues = new DuesService(_database, scopes, new DuesCalculator(new DuesOptions()), time);
        var study = new StudyService(_database, scopes, quotas, time);
        _export = new LedgerExport(scopes, records, dues, study, new CompletionHistory(_database, scopes), new PartyAffairs.Ledger.Notices.NoticeService(_database, time));

        var kinds = new[] { "党员大会", "支部委员会", "党小组会", "党课", "主题党日", "集中学习" };
        for (var month = 1; month <= 12; month++)
        {
            for (var n = 0; n < 12; n++)
            {
                var absent = members.Skip((month + n) % 20 * 10).Take(10).ToArray();
                var outcome = await records.CreateAsync(Branch, new RecordInput
                {
                    Kind = kinds[n % kinds.Length],
                    Date = new DateOnly(2026, month, 1 + (n * 2)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Topic = $"学习党章第{n + 1}章",
                    Speaker = members[0].Name,
                    Attendees = members.Except(absent).Select(m => m.Name).ToArray(),
                    Absent = absent.Select((m, i) => new AbsenceInput(m.Name, i % 2 == 0 ? "出差" : null)).ToArray(),
                    Hours = 2,
                }, "sec", default);
                if (outcome.Status != RecordStatus.Saved)
                {
                    throw new InvalidOperationException(string.Join("；", outcome.Errors));
                }
            }
        }

        var months = Enumerable.Range(1, 12).Select(m => $"2026-{m:00}").ToArray();
        foreach (var member in members)
        {
            await dues.SetProfileAsync(Branch, member.Id, new DuesProfileInput { Category = "在职", MonthlyIncome = 6000 + member.Id.GetHashCode(StringComparison.Ordinal) % 3000, EffectiveFrom = "2026-01" }, "sec", default);
            await dues.RecordPaymentAsync(Branch, member.Id, new PaymentInput { Months = months }, member.Id, null, default);
            await study.AddAsync(Branch, member.Id, new StudyEntryInput { Hours = 2, Topic = "党的二十大报告", Date = "2026-05-01" }, member.Id, null, default);
            await study.AddAsync(Branch, member.Id, new StudyEntryInput { Hours = 1.5m, Topic = "学习强国", Date = "2026-09-01" }, member.Id, null, default);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var workbook = await _export.BuildAsync(Branch, 2026, default);
        Console.WriteLine($"// One export: {clock.Elapsed.TotalMilliseconds:0} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU, {workbook!.Content.Length / 1024} KB");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public async Task<int> ExportYear() => (await _export.BuildAsync(Branch, 2026, default))!.Content.Length;

    private sealed class Roster(RosterBranch branch, IReadOnlyList<RosterMember> members) : IBranchRoster
    {
        public Task<RosterBranch?> GetBranchAsync(string branchId, CancellationToken cancellationToken) => Task.FromResult<RosterBranch?>(branchId == branch.Id ? branch : null);

        public Task<IReadOnlyList<RosterMember>> ListMembersAsync(string branchId, CancellationToken cancellationToken) => Task.FromResult(members);
    }

    private sealed class Settings : IBranchSettingsStore
    {
        public Task<BranchReminderSettings?> GetAsync(string branchId, CancellationToken cancellationToken) => Task.FromResult<BranchReminderSettings?>(null);

        public Task SaveAsync(string branchId, BranchReminderSettings settings, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
