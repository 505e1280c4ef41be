using PartyAffairs.Knowledge;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Scheduler.Tests.Duties;

public sealed class KnowledgeDutyCatalogTests
{
    private static Duty Rule(string document, string kind, string period, int? count = 1, string? window = null, string? deadline = null, string actor = "党支部") => new()
    {
        Id = $"{document}:{kind}:{period}:{count}",
        Document = document,
        ClauseId = "一.1",
        Text = $"{kind} {period}",
        Actor = actor,
        Kind = kind,
        Summary = kind,
        Period = period,
        Count = count,
        Window = window,
        Deadline = deadline,
    };

    private static readonly Duty[] Corpus =
    [
        Rule("000", "支部委员会", "P1M"),
        Rule("003", "支部委员会", "P1Y", count: 4),
        Rule("000", "党员大会", "P3M"),
        Rule("001", "党员大会", "P1M"),
        Rule("000", "组织生活会", "P1Y", window: "Q4"),
        Rule("000", "民主评议党员", "P1Y"),
        Rule("000", "主题党日", "P1M", actor: "党支部"),
        Rule("002", "集中学习", "P1Y", count: null),
        Rule("000", "处分备案", "P30D"),
    ];

    [Fact]
    public void Constructor_DifferingRules_StrictestGovernsAndAllAreKept()
    {
        var catalog = new KnowledgeDutyCatalog(Corpus);

        var committee = catalog.Find("支部委员会");
        Assert.NotNull(committee);
        Assert.Equal("P1M", committee.Period);
        Assert.Equal(["000", "003"], committee.Rules.Select(r => r.Document).Order());

        var assembly = catalog.Find("党员大会");
        Assert.NotNull(assembly);
        Assert.Equal("P1M", assembly.Period);
        Assert.Equal(DutyAudience.Branch, assembly.Audience);
    }

    [Fact]
    public void Constructor_BindingDocuments_OnlyTheirRulesCount()
    {
        var catalog = new KnowledgeDutyCatalog(Corpus, ["003"]);

        var committee = catalog.Find("支部委员会");
        Assert.NotNull(committee);
        Assert.Equal("P1Y", committee.Period);
        Assert.Equal(4, committee.Count);
        Assert.Equal(["003"], committee.Rules.Select(r => r.Document));

        // No binding rule for 党员大会: the national baseline (quarterly) applies, with no document rule attached.
        var assembly = catalog.Find("党员大会");
        Assert.NotNull(assembly);
        Assert.Equal("P3M", assembly.Period);
        Assert.Empty(assembly.Rules);
    }

    [Fact]
    public void Constructor_MembersDutyWithOfficersWeeklyRule_MembersYearlyRuleGoverns()
    {
        var catalog = new KnowledgeDutyCatalog(
        [
            Rule("004", "集中学习", "P1W", actor: "党支部书记"),
            Rule("004", "集中学习", "P1Y", count: null, actor: "党员"),
            Rule("003", "党费", "P1M", actor: "党员"),
        ]);

        var hours = catalog.Find("学时");
        Assert.NotNull(hours);
        Assert.Equal(("P1Y", 1, DutyAudience.Member), (hours.Period, hours.Count, hours.Audience));
        Assert.Equal(2, hours.Rules.Count);
    }

    [Fact]
    public void Constructor_BranchDutyWithOfficersRule_StrictestStillGoverns()
    {
        var catalog = new KnowledgeDutyCatalog([Rule("001", "党课", "P3M", actor: "党支部书记"), Rule("000", "党课", "P1Y", actor: "党员")]);

        Assert.Equal("P3M", catalog.Find("党课")?.Period);
    }

    [Fact]
    public void Find_Alias_ReturnsTheKind()
    {
        var catalog = new KnowledgeDutyCatalog(Corpus);

        Assert.Equal("党费", catalog.Find("交党费")?.Kind);
        Assert.Equal("学时", catalog.Find("集中学习")?.Kind);
        Assert.Equal("支部委员会", catalog.Find("支委会")?.Kind);
        Assert.Null(catalog.Find("天气"));
    }

    [Fact]
    public void Constructor_EventCountedLimit_IsNotTracked()
    {
        var catalog = new KnowledgeDutyCatalog(Corpus);

        Assert.Null(catalog.Find("处分备案"));
    }

    [Fact]
    public void ForRole_MemberAndSecretary_SecretaryAlsoGetsBranchDuties()
    {
        var catalog = new KnowledgeDutyCatalog(Corpus);

        var member = catalog.ForRole("党员").Select(d => d.Kind).ToArray();
        var secretary = catalog.ForRole("党支部书记").Select(d => d.Kind).ToArray();

        Assert.Contains("党费", member);
        Assert.Contains("主题党日", member);
        Assert.DoesNotContain("党员大会", member);
        Assert.Contains("党员大会", secretary);
        Assert.Contains("党费", secretary);
        Assert.Contains("组织生活会", secretary);
        Assert.Equal("Q4", catalog.Find("民主评议党员")?.Window);
        Assert.Equal("--03-31", catalog.Find("责任清单")?.Deadline);
        Assert.Equal("--12-31", catalog.Find("述职评议")?.Deadline);
    }

    [Theory]
    [InlineData("思想汇报", "党员", "预备党员")] // the kind binds 预备党员 whoever the rules address
    [InlineData("转正申请", "预备党员", "预备党员")] // a kind without a profile, addressed only to 预备党员
    [InlineData("转正申请", "党员", "")] // addressed to every member
    public void Constructor_MembersDutyForProbationaryMembers_OnlyTheirRoleGetsIt(string kind, string actor, string roles)
    {
        var catalog = new KnowledgeDutyCatalog([Rule("003", kind, "P3M", actor: "预备党员"), Rule("003", kind, "P3M", actor: actor)]);

        var duty = catalog.Find(kind);

        Assert.NotNull(duty);
        Assert.Equal(DutyAudience.Member, duty.Audience);
        Assert.Equal(roles.Length == 0 ? [] : [roles], duty.Roles);
        Assert.Equal(roles.Length == 0, catalog.ForRole("党员").Any(d => d.Kind == kind));
        Assert.Contains(catalog.ForRole("预备党员"), d => d.Kind == kind);
    }

    [Fact]
    public void Constructor_NoDuties_BaselineCatalogCoversTheIssueList()
    {
        var catalog = new KnowledgeDutyCatalog([]);

        Assert.Equal(
            ["主题党日", "党费", "党小组会", "学时", "支部委员会", "党员大会", "党课", "组织生活会", "民主评议党员", "述职评议", "责任清单", "谈心谈话"],
            catalog.All.Select(d => d.Kind));
    }
}
