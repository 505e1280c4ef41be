using PartyAffairs.Knowledge.Duties;

namespace PartyAffairs.Knowledge.Tests.Duties;

public sealed class DutyExtractorTests
{
    private static Clause Clause(string text, params string[] headings) => new()
    {
        DocumentId = "900",
        Id = "一.(一).5",
        Text = text,
        HeadingPath = headings,
    };

    [Fact]
    public void ExtractClause_OneSentenceWithFourCounts_GivesFourDutiesOfTheTopic()
    {
        var clause = Clause(
            "5．落实意识形态工作责任制。将意识形态与中心工作紧密结合，每年开展1次意识形态工作专题学习、2次专题研究、1次专项述职、1次专项检查。",
            "（一）部门党组（党委）");

        var duties = new DutyExtractor().ExtractClause(clause);

        Assert.Equal([1, 2, 1, 1], duties.Select(d => d.Count));
        Assert.All(duties, d =>
        {
            Assert.Equal("P1Y", d.Period);
            Assert.Equal(DutyKinds.Ideology, d.Kind);
            Assert.Equal(DutyActors.LeadingGroup, d.Actor);
            Assert.Equal(clause.Text, d.Text);
            Assert.Equal("900", d.Document);
            Assert.Equal("一.(一).5", d.ClauseId);
        });
        Assert.Equal(4, duties.Select(d => d.Id).Distinct().Count());
        Assert.Contains("专项述职", duties[2].Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3．支部委员会会议根据工作需要召开，全年不少于四次。", "P1Y", 4)]
    [InlineData("3．党支部每季度至少组织一次党课。", "P3M", 1)]
    [InlineData("3．党支部每年至少2次专题研究意识形态工作。", "P1Y", 2)]
    [InlineData("3．中心组集体学习每月1次，全年不少于12次。", "P1Y", 12)]
    public void ExtractClause_RequiredSeveralTimes_DutyCarriesTheCount(string text, string period, int count)
    {
        var duties = new DutyExtractor().ExtractClause(Clause(text, "（二）党支部"));

        Assert.Contains(duties, d => d.Period == period && d.Count == count);
    }

    [Fact]
    public void ExtractClause_SeveralMeetingsInOneSentence_EachCountTakesItsOwnKind()
    {
        var clause = Clause(
            "3.严肃开展好党内组织生活。要认真组织执行“三会一课”制度，每月至少召开1次支部委员会和1次支部党员大会，开展1次主题党日和1次廉政自省日，每季度至少组织1次党课，党支部书记每年至少为本支部党员上1次党课。",
            "市XX局党支部书记责任清单");

        var duties = new DutyExtractor().ExtractClause(clause);

        Assert.Equal(
            [
                (DutyKinds.BranchCommittee, "P1M"), (DutyKinds.GeneralMeeting, "P1M"), (DutyKinds.ThemedPartyDay, "P1M"),
                (DutyKinds.IntegrityDay, "P1M"), (DutyKinds.PartyLecture, "P3M"), (DutyKinds.PartyLecture, "P1Y"),
            ],
            duties.Select(d => (d.Kind!, d.Period)));
        Assert.All(duties, d => Assert.Equal(DutyActors.BranchSecretary, d.Actor));
    }

    [Fact]
    public void ExtractClause_MeetingsNamedAsRecipients_AreNotTheDutyKind()
    {
        var clause = Clause("1．每年至少向支部委员会、党员大会和上级党组织报告1次工作，接受评议考核。", "（四）党支部书记");

        var duty = Assert.Single(new DutyExtractor().ExtractClause(clause));

        Assert.Null(duty.Kind);
        Assert.Equal(DutyActors.BranchSecretary, duty.Actor);
    }

    [Fact]
    public void ExtractClause_SubjectInSentence_OverridesTheSectionRole()
    {
        var clause = Clause("带头抓意识形态工作。党委（党组）书记每年至少讲1次党课。", "（三）机关党支部");

        var duty = Assert.Single(new DutyExtractor().ExtractClause(clause));

        Assert.Equal(DutyActors.LeadingGroupSecretary, duty.Actor);
        Assert.Equal(DutyKinds.PartyLecture, duty.Kind);
        Assert.Equal("党委（党组）书记每年至少讲1次党课", duty.Summary);
    }

    [Fact]
    public void ExtractClause_CausedMember_PaysTheDues()
    {
        var clause = Clause("4．做好关心关爱和服务党员工作；引导党员主动按月交纳党费，按要求佩戴党员徽章。", "（四）党支部书记");

        var duty = Assert.Single(new DutyExtractor().ExtractClause(clause));

        Assert.Equal((DutyKinds.MembershipDues, DutyActors.Member, "P1M", 1), (duty.Kind!, duty.Actor!, duty.Period, duty.Count!.Value));
    }

    [Theory]
    [InlineData("1．党员必须按期交纳党费，一般情况下每月一次。", "党员必须按期交纳党费，一般情况下每月一次", DutyKinds.MembershipDues, DutyActors.Member)]
    [InlineData("支部委员会议根据工作需要召开，全年不少于四次。", "支部委员会议根据工作需要召开，全年不少于四次", DutyKinds.BranchCommittee, DutyActors.Branch)]
    public void ExtractClause_BareCount_TakesKindActorAndSummaryFromTheChunkBefore(string text, string summary, string kind, string actor)
    {
        var duty = Assert.Single(new DutyExtractor().ExtractClause(Clause(text, "党支部工作制度")));

        Assert.Equal((summary, kind, actor), (duty.Summary, duty.Kind!, duty.Actor!));
    }

    [Fact]
    public void ExtractClause_PartyGroupsMonthlyLifeMeeting_IsAGroupMeeting()
    {
        var clause = Clause("1.组织生活会制度。在一般情况下，党小组要坚持每月一次组织生活会制度。", "党小组工作制度");

        var duty = Assert.Single(new DutyExtractor().ExtractClause(clause));

        Assert.Equal((DutyKinds.GroupMeeting, DutyActors.PartyGroup, "P1M"), (duty.Kind!, duty.Actor!, duty.Period));
    }

    [Fact]
    public void ExtractClause_StudyHourQuotas_KeepAmountAndTeam()
    {
        var clause = Clause("机关党员每年参加集中教育培训的时间一般不少于24学时，其中机关党委、党总支、党支部班子成员一般不少于40学时。");

        var duties = new DutyExtractor().ExtractClause(clause);

        Assert.Equal([(DutyActors.Member, 24m), (DutyActors.TeamMember, 40m)], duties.Select(d => (d.Actor!, d.Quota!.Amount)));
        Assert.All(duties, d =>
        {
            Assert.Null(d.Count);
            Assert.Equal("学时", d.Quota!.Unit);
            Assert.Equal(DutyKinds.CollectiveStudy, d.Kind);
        });
    }

    [Fact]
    public void ExtractClause_AttributivePeriod_TakesTheDutyOfTheMainClause()
    {
        var clause = Clause("结合每年的专题组织生活会，认真开展民主评议党员工作。");

        var duty = Assert.Single(new DutyExtractor().ExtractClause(clause));

        Assert.Equal((DutyKinds.MemberAppraisal, "P1Y", 1), (duty.Kind!, duty.Period, duty.Count!.Value));
        Assert.Contains("民主评议党员", duty.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtractClause_EventLimit_SummaryNamesWhatIsDue()
    {
        var clause = Clause("处分决定生效之日起30日内，有关处分决定和材料应当按照要求报区级机关纪工委备案。");

        var duty = Assert.Single(new DutyExtractor().ExtractClause(clause));

        Assert.Equal(("P30D", 1), (duty.Period, duty.Count!.Value));
        Assert.Contains("备案", duty.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtractClause_DateInTheNotesOfAResponsibilityList_IsTheListsDeadline()
    {
        var clause = Clause("注：个性项目不少于2个。3月底前通过“智慧党建”管理服务平台报市直机关工委。", "2. 机关党组织书记责任清单");

        var duty = Assert.Single(new DutyExtractor().ExtractClause(clause));

        Assert.Equal((DutyKinds.ResponsibilityList, "P1Y", "--03-31", DutyActors.OrganCommitteeSecretary), (duty.Kind!, duty.Period, duty.Deadline!, duty.Actor!));
    }

    [Theory]
    [InlineData("3．把党的政治建设摆在首位，增强“四个意识”、坚定“四个自信”、做到“两个维护”，学习党的十九大、十九届二中、三中、四中全会精神。")]
    [InlineData("定期向区委区级机关工委和本单位党组（党委）汇报机关思想政治工作情况。")]
    [InlineData("2020年区级机关党建工作“三级四岗”责任清单")]
    [InlineData("")]
    public void ExtractClause_NoFrequency_GivesNoDuty(string text)
    {
        Assert.Empty(new DutyExtractor().ExtractClause(Clause(text)));
    }

    [Theory]
    [InlineData("2020年度“三级书记”抓机关党建工作责任清单", 1)]
    [InlineData("机关党建工作责任制", 0)]
    public void ExtractClause_CountWithoutPeriod_IsYearlyOnlyInAnAnnualList(string title, int expected)
    {
        var clause = Clause("加强党建督查，至少1次听取所属基层党组织全面工作汇报。");
        var document = new SourceDocument { Id = "900", Title = title, FileName = "900.txt" };

        var duties = new DutyExtractor().ExtractClause(clause, document);

        Assert.Equal(expected, duties.Count);
        Assert.All(duties, d => Assert.Equal(("P1Y", 1), (d.Period, d.Count!.Value)));
    }

    [Fact]
    public void Extract_SentenceContinuingThePreviousSentencesTopic_KeepsTheTopic()
    {
        var clauses = new[]
        {
            Clause("将意识形态与中心工作紧密结合，每年开展1次意识形态工作专题学习、2次专题研究；") with { Id = "5#2", ParentId = "5" },
            Clause("每半年进行1次专题研判、1次专题汇报，确保业务工作体现意识形态工作要求。") with { Id = "5#3", ParentId = "5" },
            Clause("每半年进行1次专题研判、1次专题汇报，确保业务工作体现意识形态工作要求。") with { Id = "6" },
        };

        var duties = new DutyExtractor().Extract([], clauses);

        Assert.All(duties.Where(d => d.ClauseId != "6"), d => Assert.Equal(DutyKinds.Ideology, d.Kind));
        Assert.All(duties.Where(d => d.ClauseId == "6"), d => Assert.Null(d.Kind));
        Assert.Equal(6, duties.Count);
    }

    [Fact]
    public void Extract_SeveralClauses_KeepsReadingOrderAndIds()
    {
        var clauses = new[]
        {
            Clause("党员大会一般每季度召开1次。") with { Id = "a" },
            Clause("党支部委员会会议一般每月召开1次。") with { Id = "b" },
        };

        var duties = new DutyExtractor().Extract([], clauses);

        Assert.Equal(["900:a:1", "900:b:1"], duties.Select(d => d.Id));
        Assert.Equal([DutyKinds.GeneralMeeting, DutyKinds.BranchCommittee], duties.Select(d => d.Kind));
    }

    [Fact]
    public void ExtractClause_ArbitraryText_NeverThrows()
    {
        const string alphabet = "每年月季度半周全按次个天学时底前内第四一二两十12，。；、（）“”党支部书记委员会党员大会小组组织生活会结合的在下向为之间";
        var random = new Random(7);
        var extractor = new DutyExtractor();
        for (var n = 0; n < 2000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            foreach (var duty in extractor.ExtractClause(Clause(text, "（四）党支部书记") with { ParentId = n % 3 == 0 ? "p" : null }))
            {
                Assert.Equal(text, duty.Text);
                Assert.False(string.IsNullOrEmpty(duty.Summary));
            }
        }
    }

    [Fact]
    public void Extract_NullArguments_Throw()
    {
        var extractor = new DutyExtractor();

        Assert.Throws<ArgumentNullException>(() => extractor.Extract(null!, []));
        Assert.Throws<ArgumentNullException>(() => extractor.Extract([], null!));
    }
}
