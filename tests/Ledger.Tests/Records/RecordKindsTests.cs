using PartyAffairs.Ledger.Records;

namespace PartyAffairs.Ledger.Tests.Records;

public sealed class RecordKindsTests
{
    [Theory]
    [InlineData("党员大会", "党员大会")]
    [InlineData("支部党员大会", "党员大会")]
    [InlineData("支部大会", "党员大会")]
    [InlineData("支委会", "支部委员会")]
    [InlineData("支部委员会会议", "支部委员会")]
    [InlineData("党小组会", "党小组会")]
    [InlineData("上党课", "党课")]
    [InlineData("主题党日活动", "主题党日")]
    [InlineData("组织生活会", "组织生活会")]
    [InlineData("民主评议", "民主评议党员")]
    [InlineData("谈心谈话", "谈心谈话")]
    [InlineData("谈心", "谈心谈话")]
    [InlineData(" 集中学习 ", "集中学习")]
    [InlineData("集体学习", "集中学习")]
    public void Normalize_CanonicalOrShortForm_GivesCanonicalKind(string text, string expected)
    {
        Assert.Equal(expected, RecordKinds.Normalize(text));
    }

    [Theory]
    [InlineData("茶话会")]
    [InlineData("党费")]
    [InlineData("交党费")]
    [InlineData("")]
    [InlineData(null)]
    public void Normalize_NotARecordKind_Null(string? text)
    {
        Assert.Null(RecordKinds.Normalize(text));
    }

    [Fact]
    public void All_CanonicalKindsWithoutDues()
    {
        Assert.Contains("党员大会", RecordKinds.All);
        Assert.Contains("支部委员会", RecordKinds.All);
        Assert.Contains("民主评议党员", RecordKinds.All);
        Assert.DoesNotContain("党费", RecordKinds.All);
    }
}
