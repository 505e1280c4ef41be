using System.Reflection;
using System.Text;
using PartyAffairs.Knowledge.Corpus;
using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Knowledge.Vocabulary;

namespace PartyAffairs.Knowledge.Tests.Vocabulary;

/// <summary>The vocabulary shipped as data is complete and consistent, and every typed handle in code names an entry of it.</summary>
public sealed class PartyVocabularyTests
{
    private static readonly PartyVocabulary Vocabulary = PartyVocabulary.Shipped;

    [Fact]
    public void Shipped_Loads_WithEveryPart()
    {
        Assert.NotEmpty(Vocabulary.Levels);
        Assert.NotEmpty(Vocabulary.Roles);
        Assert.NotEmpty(Vocabulary.RosterRoles);
        Assert.NotEmpty(Vocabulary.DutyKinds);
    }

    [Fact]
    public void DutyKindConstants_EachNameAVocabularyKind()
    {
        var constants = typeof(DutyKinds).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(constants);
        Assert.All(constants, name => Assert.NotNull(Vocabulary.FindDutyKind(name)));
        Assert.All(DutyKinds.Canonical, name => Assert.Contains(name, constants));
    }

    [Fact]
    public void DutyActorConstants_EachNameAVocabularyRole_AndEveryRoleHasOne()
    {
        var constants = typeof(DutyActors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(Vocabulary.Roles.Select(r => r.Name).Order(StringComparer.Ordinal), constants.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RosterRoles_AreTheNineRolesOfABranch_AndMapToRolesClausesCarry()
    {
        Assert.Equal(["党员", "预备党员", "党支部书记", "副书记", "组织委员", "宣传委员", "纪检委员", "青年委员", "党小组长"], Vocabulary.RosterRoles.Select(r => r.Name));
        Assert.All(Vocabulary.RosterRoles, r => Assert.Contains(r.Role, RoleLexicon.Canonical));
        Assert.Equal(["党支部书记", "副书记"], Vocabulary.SecretaryRoles);
        Assert.Equal(["党支部书记", "副书记", "组织委员", "宣传委员", "纪检委员", "青年委员"], Vocabulary.RosterRoles.Where(r => r.IsOfficer).Select(r => r.Name));
    }

    [Theory]
    [InlineData("组织委员", "支部委员")]
    [InlineData("党小组长", "党小组")]
    [InlineData("副书记", "支部委员")]
    [InlineData("党支部书记", "党支部书记")]
    [InlineData("预备党员", "预备党员")]
    public void RoleLexiconNormalize_RosterRole_GivesTheRoleItHolds(string rosterRole, string expected)
    {
        Assert.Equal(expected, RoleLexicon.Normalize(rosterRole));
    }

    [Fact]
    public void Roles_EachBelongToALevel_AndOfficesNameTheirTitle()
    {
        var levels = Vocabulary.Levels.Select(l => l.Name).ToHashSet();

        Assert.All(Vocabulary.Roles, r => Assert.Contains(r.Level, levels));
        Assert.All(Vocabulary.Roles.Where(r => r.Kind == RoleKind.Office), r => Assert.NotNull(r.Office));
        Assert.Equal("支部委员会", Vocabulary.FindRole("支部委员")!.Level);
        Assert.Equal("党支部", Vocabulary.Levels.Single(l => l.Name == "支部委员会").Parent);
        Assert.Equal(RoleKind.Member, Vocabulary.FindRole("入党介绍人")!.Kind);
    }

    [Fact]
    public void TrackedKinds_HaveTitlesAndTheSchedulerName()
    {
        var tracked = Vocabulary.DutyKinds.Where(k => k.IsTracked).ToList();

        Assert.Equal(DutyKinds.Reminded, tracked.Select(k => k.Name));
        Assert.Equal("学时", Vocabulary.DutyKind(DutyKinds.CollectiveStudy).TrackedAs);
        Assert.Contains("党日", Vocabulary.DutyKind(DutyKinds.ThemedPartyDay).Synonyms);
    }

    [Theory]
    [InlineData("\"levels\": [{ \"name\": \"党支部\" }], \"roles\": [{ \"name\": \"党员\", \"level\": \"党小组\", \"kind\": \"member\", \"aliases\": [\"党员\"] }]", "unknown level")]
    [InlineData("\"levels\": [{ \"name\": \"党员\" }], \"roles\": [{ \"name\": \"党员\", \"level\": \"党员\", \"kind\": \"member\", \"aliases\": [\"党员\"] }, { \"name\": \"预备党员\", \"level\": \"党员\", \"kind\": \"member\", \"aliases\": [\"党员\"] }]", "appears twice")]
    [InlineData("\"levels\": [{ \"name\": \"党员\" }], \"roles\": [{ \"name\": \"党员\", \"level\": \"党员\", \"kind\": \"office\", \"aliases\": [\"党员\"] }]", "office")]
    [InlineData("\"rosterRoles\": [{ \"name\": \"组织委员\", \"role\": \"支部委员\" }]", "unknown role")]
    [InlineData("\"dutyKinds\": [{ \"name\": \"党课\", \"phrasing\": \"(党课\" }]", "invalid phrasing")]
    [InlineData("\"dutyKinds\": [{ \"name\": \"党课\", \"phrasing\": \"党课\", \"trackedAs\": \"课\" }]", "no title")]
    [InlineData("\"roles\": [], \"colour\": \"red\"", "not valid")]
    public void Load_InconsistentVocabulary_FailsNamingTheProblem(string body, string message)
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("{" + body + "}"));

        var error = Assert.Throws<InvalidDataException>(() => PartyVocabulary.Load(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
