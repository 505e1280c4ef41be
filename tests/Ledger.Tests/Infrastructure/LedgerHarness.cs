using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Knowledge;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Completion;
using PartyAffairs.Ledger.Dues;
using PartyAffairs.Ledger.Export;
using PartyAffairs.Ledger.Notices;
using PartyAffairs.Ledger.Records;
using PartyAffairs.Ledger.Roster;
using PartyAffairs.Ledger.Storage;
using PartyAffairs.Ledger.Study;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Ledger.Tests.Infrastructure;

/// <summary>The ledger's services as the host wires them, over one database, with a roster and settings in memory and a fake clock.</summary>
public sealed class LedgerHarness
{
    /// <summary>The branch every harness has.</summary>
    public const string Branch = "b1";

    /// <summary>10:00 Beijing time on Friday 4 December 2026.</summary>
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-04T10:00:00+08:00", CultureInfo.InvariantCulture);

    private LedgerHarness(LedgerDatabase database, IReadOnlyList<Duty> duties, IReadOnlyList<SourceDocument> documents)
    {
        Database = database;
        Time = new FakeTimeProvider(Now);
        Roster = new InMemoryRoster().Add(Branch, DateTimeOffset.Parse("2026-01-10T09:00:00+08:00", CultureInfo.InvariantCulture),
            new RosterMember("sec", "王明", "党支部书记", new DateOnly(2026, 1, 10)),
            new RosterMember("m1", "张三", "党员", new DateOnly(2026, 1, 10)),
            new RosterMember("m2", "李四", "党员", new DateOnly(2026, 1, 10)),
            new RosterMember("m3", "赵敏", "组织委员", new DateOnly(2026, 1, 10)),
            new RosterMember("m4", "=HYPERLINK(\"x\")", "党员", new DateOnly(2026, 1, 10)));
        Settings = new InMemorySettings();
        Scopes = new BranchScopes(Roster, Settings, new BranchDutyCatalogs(duties, documents), Time);
        Quotas = new StudyQuotaResolver(duties, documents);
        Ledger = new SqlCompletionLedger(database);
        Records = new RecordService(database, Scopes, Quotas, Time);
        Dues = new DuesService(database, Scopes, new DuesCalculator(new DuesOptions()), Time);
        Study = new StudyService(database, Scopes, Quotas, Time);
        History = new CompletionHistory(database, Scopes);
        Notices = new NoticeService(database, Time);
        Export = new LedgerExport(Scopes, Records, Dues, Study, History, Notices);
    }

    public LedgerDatabase Database { get; }

    public FakeTimeProvider Time { get; }

    public InMemoryRoster Roster { get; }

    public InMemorySettings Settings { get; }

    public BranchScopes Scopes { get; }

    public StudyQuotaResolver Quotas { get; }

    public SqlCompletionLedger Ledger { get; }

    public RecordService Records { get; }

    public DuesService Dues { get; }

    public StudyService Study { get; }

    public CompletionHistory History { get; }

    public NoticeService Notices { get; }

    public LedgerExport Export { get; }

    /// <summary>A harness over a new database of <paramref name="store"/>; the duties are the scheduler's baselines unless given.</summary>
    public static async Task<LedgerHarness> CreateAsync(ILedgerStore store, IReadOnlyList<Duty>? duties = null, IReadOnlyList<SourceDocument>? documents = null) =>
        new(await store.CreateDatabaseAsync(), duties ?? [], documents ?? []);

    /// <summary>A harness with the knowledge base's duties and documents.</summary>
    public static async Task<LedgerHarness> WithKnowledgeAsync(ILedgerStore store)
    {
        var knowledge = await TestKnowledge.LoadAsync();
        return new LedgerHarness(await store.CreateDatabaseAsync(), knowledge.Duties, knowledge.Documents);
    }

    /// <summary>Records a meeting and asserts it was saved.</summary>
    public async Task<MeetingRecord> RecordAsync(string kind, string date, string[]? attendees = null, AbsenceInput[]? absent = null, decimal? hours = null, string? topic = "学习党章")
    {
        var outcome = await Records.CreateAsync(Branch, new RecordInput { Kind = kind, Date = date, Topic = topic, Attendees = attendees, Absent = absent, Hours = hours }, "sec", default);
        Assert.True(outcome.Status == RecordStatus.Saved, string.Join("；", outcome.Errors));
        return outcome.Record!;
    }
}
