using PartyAffairs.Knowledge.Retrieval;

namespace PartyAffairs.Knowledge.Tests.Retrieval;

public sealed class StatedFactsTests
{
    [Theory]
    [InlineData("支委会多久开一回", AskedFact.Frequency)]
    [InlineData("党组书记多久向市纪委报告主体责任", AskedFact.Frequency)]
    [InlineData("预备期多久", AskedFact.Duration)]
    [InlineData("谈心谈话一次要谈多久", AskedFact.Duration)]
    [InlineData("入党积极分子培养多久才能列为重点培养对象", AskedFact.Duration)]
    [InlineData("班子空缺了多久要补上", AskedFact.Deadline)]
    [InlineData("支委会多久换届", AskedFact.TermOfOffice)]
    [InlineData("党支部书记任期几年", AskedFact.TermOfOffice)]
    [InlineData("我工资8000党费交多少", AskedFact.Amount)]
    [InlineData("党费按工资的百分之几交", AskedFact.Amount)]
    [InlineData("党员一年要学多少学时", AskedFact.Quota)]
    [InlineData("支部大会表决要多少人赞成", AskedFact.People)]
    [InlineData("支部委员会最多设几个委员", AskedFact.People)]
    [InlineData("党员年度考核分几个等次", AskedFact.Count)]
    [InlineData("党费每个月几号之前要交", AskedFact.DayOfMonth)]
    [InlineData("预备党员什么时候可以转正", AskedFact.Deadline)]
    [InlineData("学习星满分多少", AskedFact.Score)]
    [InlineData("支部书记每年要参加几次轮训", AskedFact.Frequency)]
    [InlineData("组织关系转接归谁管", AskedFact.None)]
    public void Asked_Question_ReadsTheKindOfFact(string question, AskedFact expected)
    {
        Assert.Equal(expected, StatedFacts.Asked(TextNormalizer.Normalize(question)).Fact);
    }

    [Theory]
    [InlineData("多少人赞成", "赞成人数必须超过应到会有表决权的正式党员的半数", "赞成", true)]
    [InlineData("几年换届", "任期届满，按期进行换届选举", "换届", false)]
    [InlineData("几年换届", "每届任期3年，任期届满按期换届", "换届", true)]
    [InlineData("交多少钱", "党员增加工资后，以新工资为基数，重新按比例交纳党费", "党费", false)]
    [InlineData("交多少钱", "月工资3000元以下的，交纳月工资收入的0.5%", "交纳", true)]
    public void States_ClauseWithOrWithoutAValueByTheWord_Decides(string question, string clause, string word, bool expected)
    {
        var asked = StatedFacts.Asked(TextNormalizer.Normalize(question));
        var normalized = TextNormalizer.Normalize(clause);
        var at = normalized.IndexOf(word, StringComparison.Ordinal);

        Assert.Equal(expected, StatedFacts.States(asked, normalized, [(at, at + word.Length)]));
    }

    [Theory]
    [InlineData("一两个月开一次", "1—2个月")]
    [InlineData("两三次", "2—3次")]
    [InlineData("一百人以上", "100人以上")]
    [InlineData("百分之几", "百分之几")]
    public void Normalize_SpokenNumbersAndRanges_AsTheDocumentsWriteThem(string text, string expected)
    {
        Assert.Contains(expected, TextNormalizer.Normalize(text), StringComparison.Ordinal);
    }
}
