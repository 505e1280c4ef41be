using PartyAffairs.Ledger.Study;
using PartyAffairs.Ledger.Tests.Infrastructure;

namespace PartyAffairs.Ledger.Tests.Study;

/// <summary>学时 quotas from the knowledge base's duties: 32/56 generally, 24/40 under the 丹阳 document.</summary>
public sealed class StudyQuotaResolverTests
{
    [Theory]
    [InlineData("党员", new string[0], 32)]
    [InlineData("预备党员", new string[0], 32)]
    [InlineData("党支部书记", new string[0], 56)]
    [InlineData("组织委员", new string[0], 56)]
    [InlineData("党员", new[] { "002" }, 24)]
    [InlineData("副书记", new[] { "002" }, 40)]
    [InlineData("党员", new[] { "000" }, 32)]
    [InlineData("党支部书记", new[] { "000" }, 56)] // 000 sets no officers' quota: the national baseline
    public async Task For_RoleAndBindingDocuments_TheQuotaOfTheDocuments(string role, string[] binding, int expected)
    {
        var resolver = new StudyQuotaResolver(await TestKnowledge.LoadAsync());

        var quota = resolver.For(role, binding);

        Assert.Equal(expected, quota.Hours);
        Assert.Contains(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), quota.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task For_DanyangDocument_CitesItsClause()
    {
        var resolver = new StudyQuotaResolver(await TestKnowledge.LoadAsync());

        var quota = resolver.For("党员", ["002"]);

        Assert.Equal("002", quota.DocumentId);
        Assert.NotNull(quota.ClauseId);
        Assert.Contains(quota.ClauseId!, quota.Citation, StringComparison.Ordinal);
    }
}
