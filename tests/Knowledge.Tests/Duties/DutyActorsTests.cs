using PartyAffairs.Knowledge.Duties;

namespace PartyAffairs.Knowledge.Tests.Duties;

public sealed class DutyActorsTests
{
    [Theory]
    [InlineData("党委（党组）书记", DutyActors.LeadingGroupSecretary)]
    [InlineData("党组（党委）书记", DutyActors.LeadingGroupSecretary)]
    [InlineData("部门（单位）党委（党组、工委）书记", DutyActors.LeadingGroupSecretary)]
    [InlineData("部门党组（党委）", DutyActors.LeadingGroup)]
    [InlineData("局领导", DutyActors.LeadingGroupMember)]
    [InlineData("机关党组织书记", DutyActors.OrganCommitteeSecretary)]
    [InlineData("机关党委（党总支）专兼职副书记", DutyActors.DeputySecretary)]
    [InlineData("支部书记", DutyActors.BranchSecretary)]
    [InlineData("机关党委（总支）下属党支部书记", DutyActors.BranchSecretary)]
    [InlineData("党员大会", DutyActors.Branch)]
    [InlineData("支委会", DutyActors.Branch)]
    [InlineData("党小组", DutyActors.PartyGroup)]
    [InlineData("预备党员", DutyActors.ProbationaryMember)]
    [InlineData("党员领导干部", DutyActors.LeadingCadre)]
    [InlineData("党员", DutyActors.Member)]
    public void Normalize_RoleAsWritten_GivesCanonicalActor(string text, string expected)
    {
        Assert.Equal(expected, DutyActors.Normalize(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("天气")]
    public void Normalize_NoRole_GivesNull(string? text)
    {
        Assert.Null(DutyActors.Normalize(text));
    }

    [Fact]
    public void FindAll_LongestAliasWins_SecretaryIsNotReadAsBranch()
    {
        var found = DutyActors.FindAll("党支部书记每年至少为本支部党员上1次党课");

        Assert.Equal([DutyActors.BranchSecretary, DutyActors.Branch, DutyActors.Member], found.Select(f => f.Actor));
        Assert.Equal(0, found[0].Start);
        Assert.Equal(5, found[0].End);
    }
}
