using PartyAffairs.Knowledge;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Scheduler.Tests.Duties;

public sealed class KnowledgeBaseDutyCatalogTests
{
    [Fact]
    public void Catalog_KnowledgeBaseLoadsAfterCatalogCreated_SeesLoadedDuties()
    {
        var kb = new SwitchableKnowledgeBase();
        var catalog = new KnowledgeBaseDutyCatalog(kb);
        var before = catalog.Find("支部委员会")?.Rules.Count ?? 0;

        kb.Duties = [Rule("支部委员会", "P1M", 1)];

        Assert.Equal(0, before);
        var duty = catalog.Find("支部委员会");
        Assert.NotNull(duty);
        Assert.Single(duty.Rules);
        Assert.Equal("P1M", duty.Period);
    }

    [Fact]
    public void Catalog_SameDutyList_ReusesBuiltCatalog()
    {
        var kb = new SwitchableKnowledgeBase { Duties = [Rule("党员大会", "P3M", 1)] };
        var catalog = new KnowledgeBaseDutyCatalog(kb);

        Assert.Same(catalog.All, catalog.All);
    }

    [Fact]
    public void BranchCatalogs_KnowledgeBaseLoadsAfterCreated_BranchCatalogsAndTitlesFollow()
    {
        var kb = new SwitchableKnowledgeBase();
        var catalogs = new BranchDutyCatalogs(kb);
        var before = catalogs.For([]).Find("廉政专题学习");

        kb.Documents = [new SourceDocument { Id = "000", Title = "实施办法", FileName = "000.txt" }];
        kb.Duties = [Rule("廉政专题学习", "P1Y", 2)];

        Assert.Null(before);
        Assert.Empty(new BranchDutyCatalogs([], []).DocumentIds);
        var duty = catalogs.For([]).Find("廉政专题学习");
        Assert.NotNull(duty);
        Assert.Equal(2, duty.Count);
        Assert.Same(catalogs.For(["000"]), catalogs.For(["000"]));
        Assert.Equal("实施办法", catalogs.Titles["000"]);
        Assert.Equal(["000"], catalogs.DocumentIds);
    }

    private static Duty Rule(string kind, string period, int count) => new()
    {
        Id = "000:x:0",
        Document = "000",
        ClauseId = "x",
        Text = kind + "规则",
        Kind = kind,
        Actor = "党支部",
        Summary = kind,
        Period = period,
        Count = count,
    };

    private sealed class SwitchableKnowledgeBase : IKnowledgeBase
    {
        public IReadOnlyList<SourceDocument> Documents { get; set; } = [];

        public IReadOnlyList<Duty> Duties { get; set; } = [];

        public KnowledgeAnswer Ask(string question, string? role = null) => throw new NotSupportedException();
    }
}
