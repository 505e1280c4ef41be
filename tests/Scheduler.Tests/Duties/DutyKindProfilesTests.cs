using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Knowledge.Vocabulary;
using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Scheduler.Tests.Duties;

/// <summary>The scheduler's tracked kinds are a view over the vocabulary: the same kinds, titles and words, with the scheduler's policy added.</summary>
public sealed class DutyKindProfilesTests
{
    [Fact]
    public void All_AreExactlyTheVocabularysTrackedKinds()
    {
        var tracked = PartyVocabulary.Shipped.DutyKinds.Where(k => k.IsTracked).Select(k => k.TrackedAs ?? k.Name);

        Assert.Equal(tracked.Order(StringComparer.Ordinal), DutyKindProfiles.All.Select(p => p.Kind).Order(StringComparer.Ordinal));
        Assert.All(DutyKindProfiles.All, p => Assert.False(string.IsNullOrEmpty(p.Title)));
    }

    [Theory]
    [InlineData("党日", DutyKinds.ThemedPartyDay)]
    [InlineData("交党费", DutyKinds.MembershipDues)]
    [InlineData("支委会", DutyKinds.BranchCommittee)]
    [InlineData("集中学习", "学时")]
    [InlineData("学时", "学时")]
    public void Find_KindOrWordMembersUse_GivesTheProfile(string word, string kind)
    {
        Assert.Equal(kind, DutyKindProfiles.Find(word)?.Kind);
    }

    [Fact]
    public void ThoughtReport_BindsProbationaryMembersOnly()
    {
        Assert.Equal(["预备党员"], DutyKindProfiles.Find(DutyKinds.ThoughtReport)!.MemberRoles);
    }
}
