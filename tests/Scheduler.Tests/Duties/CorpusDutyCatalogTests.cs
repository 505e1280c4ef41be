using PartyAffairs.Knowledge.Corpus;
using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Scheduler.Tests.Duties;

/// <summary>The catalog over the duties the extractor finds in the shipped corpus.</summary>
public sealed class CorpusDutyCatalogTests
{
    private static async Task<(IReadOnlyList<PartyAffairs.Knowledge.Duty> Duties, IReadOnlyList<PartyAffairs.Knowledge.SourceDocument> Documents)> LoadAsync()
    {
        var corpus = await new CorpusLoader().LoadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "sources"));
        var documents = corpus.Parsed.Select(p => p.Document).ToArray();
        var clauses = corpus.Parsed.SelectMany(p => p.Clauses).ToArray();
        return (new DutyExtractor().Extract(documents, clauses), documents);
    }

    [Fact]
    public async Task Catalog_ShippedCorpus_DifferingRulesKeptWithSources()
    {
        var (duties, _) = await LoadAsync();
        var catalog = new KnowledgeDutyCatalog(duties);

        var committee = catalog.Find("支部委员会");
        Assert.NotNull(committee);
        Assert.Equal("P1M", committee.Period);
        Assert.Contains(committee.Rules, r => r.Document == "000");
        Assert.Contains(committee.Rules, r => r.Document == "003");

        var assembly = catalog.Find("党员大会");
        Assert.NotNull(assembly);
        Assert.Contains(assembly.Rules, r => r.Period == "P3M");
    }

    [Fact]
    public async Task Catalog_OnlyDocument003Binds_CommitteeFourTimesAYear()
    {
        var (duties, documents) = await LoadAsync();
        var catalogs = new BranchDutyCatalogs(duties, documents);

        var committee = catalogs.For(["003"]).Find("支部委员会");

        Assert.NotNull(committee);
        Assert.All(committee.Rules, r => Assert.Equal("003", r.Document));
        Assert.Equal(("P1Y", 4), (committee.Period, committee.Count));
        Assert.Contains("003", catalogs.DocumentIds);
    }

    [Fact]
    public async Task Catalog_ShippedCorpusAllDocuments_StudyHoursYearlyForMembersAndOtherMembersDutiesTracked()
    {
        var (duties, _) = await LoadAsync();
        var catalog = new KnowledgeDutyCatalog(duties);

        var hours = catalog.Find("学时");
        Assert.NotNull(hours);
        Assert.Equal("P1Y", hours.Period);
        Assert.Contains(hours.Rules, r => r.Period == "P1W");
        Assert.Contains(catalog.All, d => d.Kind == "党小组会" && d.Audience == DutyAudience.Member && d.Period == "P1M");
        Assert.Contains(catalog.All, d => d.Kind == "思想汇报" && d.Period == "P3M" && d.Roles.SequenceEqual(["预备党员"]));
    }
}
