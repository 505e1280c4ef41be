using PartyAffairs.Knowledge;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Planning;

namespace PartyAffairs.Scheduler.Tests.Planning;

public sealed class RuleCitationTests
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal) { ["003"] = "XX局机关党支部工作规则" };

    private static TrackedDuty DutyOf(string? listTitle) => new()
    {
        Kind = "支部委员会",
        Title = "召开支部委员会会议",
        Period = "P1M",
        Rules =
        [
            new Duty
            {
                Id = "003:§2.一.1:1", Document = "003", ClauseId = "§2.一.1", Text = "支部委员会每月召开一次。",
                Summary = "支部委员会每月召开一次", Period = "P1M", Count = 1, ListTitle = listTitle,
            },
        ],
    };

    [Fact]
    public void ClauseOfADocumentWithSeveralLists_NamesItsList_AndItsDocument()
    {
        var source = RuleCitation.For(DutyOf("党支部工作制度"), Titles);
        Assert.Equal(("党支部工作制度", "XX局机关党支部工作规则"), (source.ListTitle, source.DocumentTitle));
    }

    [Fact]
    public void ClauseOfASingleListDocument_NamesNoList()
    {
        var source = RuleCitation.For(DutyOf(null), Titles);
        Assert.Equal(((string?)null, "XX局机关党支部工作规则"), (source.ListTitle, source.DocumentTitle));
    }
}
