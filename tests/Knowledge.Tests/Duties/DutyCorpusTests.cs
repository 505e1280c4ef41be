using PartyAffairs.Knowledge.Duties;

namespace PartyAffairs.Knowledge.Tests.Duties;

public sealed class DutyCorpusTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private IReadOnlyList<Duty> Duties() => new DutyExtractor().Extract(corpus.Result.Documents, corpus.Result.Clauses);

    [Fact]
    public void Extract_ShippedCorpus_FindsEverySampleDutyWithPeriodAndCount()
    {
        var duties = Duties();
        var missed = DutyGoldEntry.Load("duties_sample.jsonl").Where(g => !duties.Any(g.IsFoundBy)).ToList();

        Assert.True(missed.Count == 0, "missed: " + string.Join(" | ", missed));
    }

    [Fact]
    public void Extract_ShippedCorpus_FindsEveryDutyOfTheGoldList()
    {
        var duties = Duties();
        var gold = DutyGoldEntry.Load("duties_gold.jsonl");
        var missed = gold.Where(g => !duties.Any(g.IsFoundBy)).ToList();

        Assert.True(gold.Count >= 100, $"gold list has {gold.Count} entries");
        Assert.True(missed.Count == 0, $"found {gold.Count - missed.Count}/{gold.Count}; missed: " + string.Join(" | ", missed));
    }

    [Fact]
    public void Extract_ShippedCorpus_GoldKindsActorsWindowsAndDeadlinesMatch()
    {
        var duties = Duties();
        var wrong = DutyGoldEntry.Load("duties_gold.jsonl").Concat(DutyGoldEntry.Load("duties_sample.jsonl"))
            .Where(g => g.Kind is not null || g.Actor is not null || g.Window is not null || g.Deadline is not null)
            .Where(g => duties.Any(g.IsFoundBy) && !duties.Any(g.IsFoundExactlyBy))
            .ToList();

        Assert.True(wrong.Count == 0, "wrong: " + string.Join(" | ", wrong));
    }

    [Fact]
    public void Extract_ShippedCorpus_KeepsEveryDisagreeingRuleWithItsSource()
    {
        var duties = Duties();

        Assert.Equal(
            [("000", "P1M", 1), ("001", "P1M", 1), ("003", "P1Y", 4)],
            duties.OfKind(DutyKinds.BranchCommittee).Select(d => (d.Document, d.Period, d.Count!.Value)).Distinct().Order());
        Assert.Equal(
            [("000", "P3M"), ("001", "P1M")],
            duties.OfKind(DutyKinds.GeneralMeeting).Select(d => (d.Document, d.Period)).Distinct().Order());
        var memberHours = duties.OfKind(DutyKinds.CollectiveStudy).ForActors(DutyActors.Member)
            .Where(d => d.Quota is not null).Select(d => (d.Document, d.Quota!.Amount)).Distinct().Order();
        Assert.Equal([("000", 32m), ("001", 32m), ("002", 24m), ("004", 32m)], memberHours);
    }

    [Fact]
    public void Extract_ShippedCorpus_EveryRemindedKindIsFound()
    {
        var byKind = Duties().ByKind();

        Assert.All(DutyKinds.Reminded, kind => Assert.True(byKind.Contains(kind), kind));
    }

    [Fact]
    public void Extract_ShippedCorpus_EntriesAreWellFormed()
    {
        var duties = Duties();
        var clauses = corpus.Result.Clauses.ToDictionary(c => (c.DocumentId, c.Id));
        string[] periods = ["P1W", "P1M", "P2M", "P3M", "P6M", "P1Y", "P2Y", "P30D"];

        Assert.Equal(duties.Count, duties.Select(d => d.Id).Distinct().Count());
        Assert.All(duties, d =>
        {
            Assert.Equal(clauses[(d.Document, d.ClauseId)].Text, d.Text);
            Assert.Contains(d.Period, periods);
            Assert.True(d.Count is null != (d.Quota is null), d.Id);
            Assert.InRange(d.Count ?? 1, 1, 12);
            Assert.False(string.IsNullOrWhiteSpace(d.Summary), d.Id);
            Assert.True(d.Deadline is null || System.Text.RegularExpressions.Regex.IsMatch(d.Deadline, @"^--\d\d-\d\d$"), d.Id);
        });
    }

    [Fact]
    public void Extract_ShippedCorpus_NoDutyFromAClauseWithoutFrequencyWords()
    {
        var duties = Duties();
        string[] markers = ["每", "全年", "按月", "年初", "年中", "年末", "年度", "日内", "月内", "月底前", "七一", "周一", "年一评"];

        var count = new System.Text.RegularExpressions.Regex(@"[0-9一二两三四五六七八九十]+\s*(?:次|个)");

        // Outside the annual lists (their counts are per year), every duty needs a word of time.
        Assert.All(
            duties.Where(d => d.Document != "004"),
            d => Assert.True(markers.Any(m => d.Text.Contains(m, StringComparison.Ordinal)), d.Id + " " + d.Text));
        Assert.All(
            duties.Where(d => d.Document == "004"),
            d => Assert.True(markers.Any(m => d.Text.Contains(m, StringComparison.Ordinal)) || count.IsMatch(d.Text), d.Id + " " + d.Text));
    }

    [Fact]
    public void Queries_BranchSecretaryDuties_AreFoundByAnySpelling()
    {
        var duties = Duties();

        var bySpelling = duties.ForActors("支部书记").Select(d => d.Id).ToList();

        Assert.NotEmpty(bySpelling);
        Assert.Equal(duties.Where(d => d.Actor == DutyActors.BranchSecretary).Select(d => d.Id), bySpelling);
        Assert.All(duties.OfKind(DutyKinds.ThemedPartyDay).FromDocuments("000"), d => Assert.Equal("P1M", d.Period));
    }
}
