using PartyAffairs.Knowledge.Duties;

namespace PartyAffairs.Knowledge.Tests.Duties;

public sealed class DutyKindsTests
{
    [Theory]
    [InlineData("党支部委员会会议", DutyKinds.BranchCommittee)]
    [InlineData("支委会", DutyKinds.BranchCommittee)]
    [InlineData("支部委员会议根据工作需要召开", DutyKinds.BranchCommittee)]
    [InlineData("支部党员大会", DutyKinds.GeneralMeeting)]
    [InlineData("党员大会", DutyKinds.GeneralMeeting)]
    [InlineData("党小组会", DutyKinds.GroupMeeting)]
    [InlineData("开展主题党日", DutyKinds.ThemedPartyDay)]
    [InlineData("“五事联动”党日活动", DutyKinds.ThemedPartyDay)]
    [InlineData("按月交纳党费", DutyKinds.MembershipDues)]
    [InlineData("为本支部党员上党课", DutyKinds.PartyLecture)]
    [InlineData("专题组织生活会", DutyKinds.OrganisationalLifeMeeting)]
    [InlineData("民主生活会", DutyKinds.DemocraticLifeMeeting)]
    [InlineData("民主评议党员", DutyKinds.MemberAppraisal)]
    [InlineData("党员民主评议", DutyKinds.MemberAppraisal)]
    [InlineData("对照标准评议党员", DutyKinds.MemberAppraisal)]
    [InlineData("谈心谈话活动", DutyKinds.HeartToHeartTalk)]
    [InlineData("组织开展述职评议", DutyKinds.DutyReport)]
    [InlineData("向工委述职", DutyKinds.DutyReport)]
    [InlineData("书面汇报", DutyKinds.ThoughtReport)]
    [InlineData("集中轮训", DutyKinds.Training)]
    [InlineData("集中学习", DutyKinds.CollectiveStudy)]
    [InlineData("周一夜学", DutyKinds.CollectiveStudy)]
    [InlineData("党组理论学习中心组学习", DutyKinds.CentralGroupStudy)]
    [InlineData("廉政专题学习", DutyKinds.IntegrityStudy)]
    [InlineData("警示教育", DutyKinds.WarningEducation)]
    [InlineData("意识形态工作专题学习", DutyKinds.Ideology)]
    public void Find_DocumentPhrasing_GivesCanonicalKind(string text, string expected)
    {
        Assert.Equal(expected, DutyKinds.Find(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("专项述职")]
    [InlineData("机关党员干部大会")]
    [InlineData("加强党性锻炼")]
    [InlineData("听取机关党建工作汇报")]
    [InlineData("汇报一次思想政治工作情况")]
    public void Find_NoKindNamed_GivesNull(string? text)
    {
        Assert.Null(DutyKinds.Find(text));
    }

    [Theory]
    [InlineData("将意识形态与中心工作紧密结合", DutyKinds.Ideology)]
    [InlineData("中心组集体学习每月1次", DutyKinds.CentralGroupStudy)]
    [InlineData("中心组学习意识形态", DutyKinds.CentralGroupStudy)]
    [InlineData("党小组会", null)]
    public void FindTopic_Text_GivesEarliestTopic(string text, string? expected)
    {
        Assert.Equal(expected, DutyKinds.FindTopic(text));
    }
}
