using PartyAffairs.Knowledge.Retrieval;

namespace PartyAffairs.Knowledge.Tests.Retrieval;

/// <summary>Issue 9: the clause that answers leads, citations read as a person would cite, the documents' silence is said.</summary>
public sealed class AnswerShapeTests(KnowledgeBaseFixture fixture) : IClassFixture<KnowledgeBaseFixture>
{
    private KnowledgeBase Kb => fixture.KnowledgeBase;

    [Fact]
    public void Ask_CanTwoMeetingsBeHeldTogether_LeadsWithTheClauseThatSaysSo()
    {
        var answer = Kb.Ask("组织生活会和民主评议能一起开吗");

        Assert.True(answer.Answered);
        Assert.Contains("可以结合组织生活会一并进行", answer.Sources[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("每年开展1次民主评议党员，可以结合组织生活会一并进行。", answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("民主评议党员什么时候搞")]
    [InlineData("民主评议党员一般什么时候进行")]
    [InlineData("研判党员思想状况一年几次")]
    [InlineData("党员领导干部以什么身份参加支部的组织生活")]
    public void Ask_WhereAPlainRuleExists_AScoringSheetLineNeverLeads(string question)
    {
        var answer = Kb.Ask(question);

        Assert.True(answer.Answered);
        Assert.DoesNotMatch(@"[（(][^）)]*\d+(\.\d+)?分", answer.Sources[0].Text);
        Assert.Contains(answer.Sources.Skip(1), s => System.Text.RegularExpressions.Regex.IsMatch(s.Text, @"（[^）]*\d分"));
    }

    [Fact]
    public void Ask_ScoringTableRowPoints_AnswersWithTheRowAndItsItems()
    {
        var answer = Kb.Ask("五星双优学习星满分多少");

        Assert.True(answer.Answered);
        Assert.Equal("学习星 25分", answer.Sources[0].Text);
        Assert.Equal("§4.学习星", answer.Sources[0].ClauseId);
        Assert.Contains("明确学习教育内容（10分）", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("执行学习教育制度（7分）", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("加强学习教育培训（8分）", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("重扣分项", answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("服务星满分是多少", "服务星 20分")]
    [InlineData("业绩优这一项多少分", "业绩优 20分")]
    [InlineData("五星双优加分项目最多能加几分", "(上限 10分)")]
    public void Ask_OtherRowsOfTheScoringTable_AreAnswered(string question, string row)
    {
        var answer = Kb.Ask(question);

        Assert.True(answer.Answered, question);
        Assert.Contains(row, answer.Sources[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_Citation_ReadsAsDocumentNumberAndClausePlaceNeverAnInternalId()
    {
        var answer = Kb.Ask("党支部委员会会议多久召开一次？");

        Assert.Contains("（依据：《2020年区级机关党建工作“三级四岗”责任清单》（惠委工〔2020〕24号）第一部分（三）第4项）", answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("§", answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("#", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Duties_CarryTheListTitleOfTheirClause_ForReminderCitations()
    {
        var branchRules = Kb.Duties.Where(d => d.Document == "003" && d.ClauseId.StartsWith("§2.", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(branchRules);
        Assert.All(branchRules, d => Assert.Equal("党支部工作制度", d.ListTitle));
        Assert.All(Kb.Duties, d => Assert.Equal(Kb.Clauses.Single(c => c.DocumentId == d.Document && c.Id == d.ClauseId).ListTitle, d.ListTitle));
    }

    [Theory]
    [InlineData("001", "§2.二.7", "《机关党委书记推进党建工作责任清单》")]
    [InlineData("001", "§4.3#2", "《市XX局党支部书记责任清单》")]
    [InlineData("003", "§2.三.(十五).1", "《党支部工作制度》")]
    [InlineData("003", "§3.1", "《党小组工作制度》")]
    [InlineData("003", "§1.三.2", "《机关党建工作责任制》")]
    [InlineData("004", "§4.学习星.1#1", "《2020年度市直机关基层党组织“五星示范、双优引领”成效标准》")]
    [InlineData("004", "§1.统筹领导.1#2", "《部门（单位）党委（党组、工委）书记责任清单》")]
    public void ListTitle_InADocumentOfSeveralLists_IsTheClausesOwnList(string document, string clauseId, string cited)
    {
        var clause = Kb.Clauses.Single(c => c.DocumentId == document && c.Id == clauseId);

        Assert.Equal(cited, "《" + ClauseCitation.ListTitle(clause, Kb.Documents.Single(d => d.Id == document)) + "》");
    }

    [Theory]
    [InlineData("§2.三.(十五).1#2", "第三部分（十五）第1项")]
    [InlineData("一.(三).4#6", "第一部分（三）第4项")]
    [InlineData("§2.三.(十四).7.(1)#1", "第三部分（十四）第7项（1）")]
    [InlineData("§2.二.组织委员#1", "第二部分“组织委员”")]
    [InlineData("§4.学习星.重扣分项.2", "“学习星”“重扣分项”第2项")]
    [InlineData("§1.注", "注")]
    [InlineData("一.(二).p1", "第一部分（二）第1段")]
    public void Reference_ClauseId_ReadsAsAPlaceInWords(string id, string expected)
    {
        var clause = new Clause { DocumentId = "x", Id = id, Text = "x" };

        Assert.Equal(expected, ClauseCitation.Reference(clause));
    }

    [Fact]
    public void Ask_SourceTypo_IsCorrectedInTheAnswerAndKeptInTheSource()
    {
        var answer = Kb.Ask("党小组会应该每月召开几次");

        var source = answer.Sources.First(s => s.Text.Contains("l次", StringComparison.Ordinal));
        Assert.Contains("每月召开 l次", source.Text, StringComparison.Ordinal);
        Assert.Contains("每月召开1次", answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("l次", answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("预备期多久", "预备期")]
    [InlineData("支委会多久换届", "换届")]
    [InlineData("我工资8000党费交多少", "党费")]
    public void Ask_FactTheDocumentsDoNotState_SaysSoWithTheNearestRules(string question, string related)
    {
        var answer = Kb.Ask(question);

        Assert.False(answer.Answered);
        Assert.True(answer.NotStated);
        Assert.StartsWith("现有文件没有写明", answer.Answer, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Sources);
        Assert.Contains(answer.Sources.Take(3), s => s.Text.Contains(related, StringComparison.Ordinal));
        Assert.Contains("（依据：", answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("请问北京明天的天气")]
    [InlineData("考驾照要多少学时")]
    [InlineData("公积金每个月交多少")]
    public void Ask_OutOfScope_IsNeitherAnsweredNorNotStated(string question)
    {
        var answer = Kb.Ask(question);

        Assert.False(answer.Answered);
        Assert.False(answer.NotStated);
        Assert.Empty(answer.Sources);
    }

    [Fact]
    public void Ask_SecretaryAskingAMembersRule_AddsTheSecretarysRuleAsASecondLine()
    {
        var anonymous = Kb.Ask("党费多久交一次");
        var secretary = Kb.Ask("党费多久交一次", "党支部书记");

        Assert.Equal(anonymous.Sources[0].ClauseId, secretary.Sources[0].ClauseId);
        Assert.Contains("对党支部书记的要求：引导党员主动按月交纳党费", secretary.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("对党支部书记的要求", anonymous.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("每年要参加几次集中轮训", "党支部书记", "党支部书记每年应当至少参加1次区级以上党组织举办的集中轮训")]
    [InlineData("我要写思想汇报吗", "预备党员", "预备党员")]
    public void Ask_QuestionNamingNobody_TheMemberIsItsSubject(string question, string role, string expected)
    {
        var answer = Kb.Ask(question, role);

        Assert.True(answer.Answered);
        Assert.Contains(expected, answer.Sources[0].Text, StringComparison.Ordinal);
    }
}
