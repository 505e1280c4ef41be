using System.Globalization;
using PartyAffairs.Knowledge.Duties;

namespace PartyAffairs.Knowledge.Tests.Duties;

public sealed class FrequencyParserTests
{
    // Each expression renders as "period count-or-quota [window] [deadline]"; several are joined by ";".
    private static string Render(IEnumerable<FrequencyExpression> expressions) => string.Join(";", expressions.Select(e =>
        string.Join(' ', new[]
        {
            e.Period,
            e.Quota is null ? e.Count?.ToString(CultureInfo.InvariantCulture) : e.Quota.Amount.ToString(CultureInfo.InvariantCulture) + e.Quota.Unit,
            e.Window,
            e.Deadline,
        }.Where(p => p is not null))));

    [Theory]
    [InlineData("党支部委员会会议一般每月召开1次，根据需要可以随时召开", "P1M 1")]
    [InlineData("党小组会一般每月召开1次，组织党员参加政治学习", "P1M 1")]
    [InlineData("一般情况下，党小组会应每月召开 l次，专门组织党员学习", "P1M 1")]
    [InlineData("每月相对固定1天开展主题党日，组织党员集中学习", "P1M 1")]
    [InlineData("每月必须按规定交纳党费", "P1M 1")]
    [InlineData("引导党员主动按月交纳党费", "P1M 1")]
    [InlineData("党员必须按期交纳党费，一般情况下每月一次", "P1M 1")]
    [InlineData("党支部学习的时间原则上为每月一次", "P1M 1")]
    [InlineData("每月１次", "P1M 1")]
    [InlineData("延长期的教育、考察工作，每两个月进行一次", "P2M 1")]
    [InlineData("集体学习研讨每2个月1次", "P2M 1")]
    [InlineData("党员大会一般每季度召开1次，听取和审查党支部委员会的工作报告", "P3M 1")]
    [InlineData("每季督查下属党组织党建工作落实不少于1次", "P3M 1")]
    [InlineData("一般情况下，每季度安排一次党课", "P3M 1")]
    [InlineData("按季度报送一次", "P3M 1")]
    [InlineData("每半年向局机关党委汇报一次思想政治工作情况", "P6M 1")]
    [InlineData("党支部每年至少召开1次组织生活会，一般安排在第四季度", "P1Y 1 Q4")]
    [InlineData("支部委员会议根据工作需要召开，全年不少于四次", "P1Y 4")]
    [InlineData("每年十二次", "P1Y 12")]
    [InlineData("每年讲党课1次以上", "P1Y 1")]
    [InlineData("每年至少2次以上研判党员思想状况（2分，每次1分）", "P1Y 2")]
    [InlineData("班子至少每年听取2次机关党建汇报", "P1Y 2")]
    [InlineData("每年确定1个党建研究课题", "P1Y 1")]
    [InlineData("每年在本单位一定范围内通报抓机关党建工作情况、接受评议", "P1Y 1")]
    [InlineData("坚持每年对党员进行一次民主评议", "P1Y 1")]
    [InlineData("每两年开展一次", "P2Y 1")]
    [InlineData("“五星双优”党组织和先进基层党组织两年一评", "P2Y 1")]
    [InlineData("党支部委员会每届任期三年", "")]
    [InlineData("严格执行周一夜学", "P1W 1")]
    [InlineData("每周开展1次学习", "P1W 1")]
    [InlineData("中心组集体学习每月1次，全年不少于12次；其中，集体学习研讨每两个月1次，全年不少于6次", "P1M 1;P1Y 12;P2M 1;P1Y 6")]
    [InlineData("每年开展1次意识形态工作专题学习、2次专题研究、1次专项述职、1次专项检查；每半年进行1次专题研判、1次专题汇报", "P1Y 1;P1Y 2;P1Y 1;P1Y 1;P6M 1;P6M 1")]
    [InlineData("每月至少召开1次支部委员会和1次支部党员大会，开展1次主题党日和1次廉政自省日，每季度至少组织1次党课，党支部书记每年至少为本支部党员上1次党课", "P1M 1;P1M 1;P1M 1;P1M 1;P3M 1;P1Y 1")]
    [InlineData("每年至少听取1次思想政治工作情况汇报，向市委报告抓机关党建工作的履职情况1次", "P1Y 1;P1Y 1")]
    [InlineData("党员每年集中学习培训时间一般不少于32学时", "P1Y 32学时")]
    [InlineData("党员每年参加集中培训和集体学习时间不少于32学时，基层党组织书记和班子成员不少于56学时、至少参加1次集中培训", "P1Y 32学时;P1Y 56学时;P1Y 1")]
    [InlineData("机关党员每年参加集中教育培训的时间一般不少于24学时，其中机关党委、党总支、党支部班子成员一般不少于40学时", "P1Y 24学时;P1Y 40学时")]
    [InlineData("每年参加培训不少于四十课时", "P1Y 40学时")]
    [InlineData("每年12月底前组织开展述职评议", "P1Y 1 --12-31")]
    [InlineData("3月底前通过“智慧党建”管理服务平台报市直机关工委", "P1Y 1 --03-31")]
    [InlineData("6月底前报送", "P1Y 1 --06-30")]
    [InlineData("2月底前报送", "P1Y 1 --02-28")]
    [InlineData("每年11月15日前报送年度计划", "P1Y 1 --11-15")]
    [InlineData("年底前完成民主评议党员", "P1Y 1 --12-31")]
    [InlineData("每年“七一”或年底进行表彰奖励", "P1Y 1 --07-01")]
    [InlineData("“七一”前召开专题组织生活会", "P1Y 1 --07-01")]
    [InlineData("处分决定生效之日起30日内，有关处分决定和材料应当按照要求报区级机关纪工委备案", "P30D 1")]
    [InlineData("原则上要在3个月内进行增补", "P3M 1")]
    [InlineData("做到年初有部署、年中有检查、年末有总结", "P1Y 1 Q1;P1Y 1 M6;P1Y 1 Q4")]
    [InlineData("每年初制定机关党建三级责任清单", "P1Y 1 Q1")]
    [InlineData("每年上半年召开1次专题会议", "P1Y 1 H1")]
    [InlineData("每年下半年开展1次检查", "P1Y 1 H2")]
    [InlineData("每年12月召开1次总结会", "P1Y 1 M12")]
    [InlineData("每年至少向支部委员会、党员大会和上级党组织报告1次工作", "P1Y 1")]
    [InlineData("每年结合年度考评在全市机关选出一批优秀基层党组织", "P1Y 1")]
    [InlineData("抓好年度述职评议工作", "P1Y 1")]
    [InlineData("结合实际研究制定党支部年度工作计划", "P1Y 1")]
    [InlineData("集中组织开展党员年度考核", "P1Y 1")]
    [InlineData("主持制定本部门（单位）机关党建工作制度、年度计划并抓好落实", "P1Y 1")]
    public void Parse_DocumentPhrasing_ReadsPeriodCountWindowAndDeadline(string sentence, string expected)
    {
        Assert.Equal(expected, Render(FrequencyParser.Parse(sentence)));
    }

    [Theory]
    [InlineData("2020年区级机关党建工作“三级四岗”责任清单")]
    [InlineData("2020年度“三级书记”抓机关党建工作责任清单")]
    [InlineData("惠委工〔2020〕24号")]
    [InlineData("中共无锡市惠山区委区级机关工作委员会       2020年3月23日印发")]
    [InlineData("组织学习党的十九大、十九届二中、三中、四中全会精神")]
    [InlineData("增强“四个意识”、坚定“四个自信”、做到“两个维护”")]
    [InlineData("落实“三会一课”、党员领导干部参加双重组织生活等制度")]
    [InlineData("（2分，每次1分）")]
    [InlineData("被通报批评每次扣0.5分")]
    [InlineData("无正当理由连续六个月不交纳党费的按自行脱党处理")]
    [InlineData("入党积极分子经过一年以上的培养教育")]
    [InlineData("有机关党组织书记空缺3个月以上现象")]
    [InlineData("起止时间上年度的12月16日至本年度12月15日")]
    [InlineData("个性项目不少于2个")]
    [InlineData("机关党员人数100人以上的，设立机关党委")]
    [InlineData("选取1—2个基层党组织作为联系点")]
    [InlineData("每次要保证半天的集中学习时间")]
    [InlineData("督促抓好本部门机关基层党组织书记述职评议，覆盖率达到100%")]
    [InlineData("机关专职党务工作人员的配备占机关工作人员总数的2%")]
    [InlineData("定期向区委区级机关工委和本单位党组（党委）汇报机关思想政治工作情况")]
    [InlineData("在中心组学习时集中研讨")]
    [InlineData("把兼职的党务工作人员开展党务工作情况作为干部年度考核和评优评先的重要参考")]
    [InlineData("各部门在领导班子和领导干部年度考核中，应加大抓党建工作的权重")]
    public void Parse_NoFrequency_FindsNothing(string sentence)
    {
        Assert.Empty(FrequencyParser.Parse(sentence));
    }

    [Theory]
    [InlineData("每年至少召开1次", CountQualifiers.AtLeast)]
    [InlineData("全年不少于四次", CountQualifiers.AtLeast)]
    [InlineData("每年讲党课1次以上", CountQualifiers.AtLeast)]
    [InlineData("党小组会一般每月召开1次", CountQualifiers.Usually)]
    [InlineData("党支部学习的时间原则上为每月一次", CountQualifiers.InPrinciple)]
    [InlineData("每年谈心谈话一般不少于1次", CountQualifiers.AtLeast | CountQualifiers.Usually)]
    [InlineData("中心组集体学习每月1次", CountQualifiers.None)]
    [InlineData("党员每年集中学习培训时间一般不少于32学时", CountQualifiers.AtLeast | CountQualifiers.Usually)]
    public void Parse_Qualifier_IsRecorded(string sentence, CountQualifiers expected)
    {
        Assert.Equal(expected, Assert.Single(FrequencyParser.Parse(sentence)).Qualifiers);
    }

    [Theory]
    [InlineData("每年选取1—2个联系点", 1, 2)]
    [InlineData("每年开展2至3次集中学习", 2, 3)]
    [InlineData("每月开展1-2次", 1, 2)]
    public void Parse_Range_CountIsTheMinimumAndMaxIsKept(string sentence, int count, int max)
    {
        var expression = Assert.Single(FrequencyParser.Parse(sentence));

        Assert.Equal(count, expression.Count);
        Assert.Equal(max, expression.CountMax);
    }

    [Theory]
    [InlineData("至少1次听取所属基层党组织全面工作汇报", "P1Y", "P1Y 1")]
    [InlineData("至少1次听取所属基层党组织全面工作汇报", null, "")]
    [InlineData("每季督查不少于1次", "P1Y", "P3M 1")]
    public void Parse_CountWithoutPeriod_TakesTheDefaultPeriodOnlyWhenGiven(string sentence, string? defaultPeriod, string expected)
    {
        Assert.Equal(expected, Render(FrequencyParser.Parse(sentence, defaultPeriod)));
    }

    [Fact]
    public void Parse_PeriodWithoutCount_MarksTheCountAsImplied()
    {
        var expression = Assert.Single(FrequencyParser.Parse("每月必须按规定交纳党费"));

        Assert.True(expression.IsImplicitCount);
        Assert.Equal("每月", expression.PeriodText);
    }

    [Fact]
    public void Parse_EventLimit_IsMarkedAsLimit()
    {
        var expression = Assert.Single(FrequencyParser.Parse("处分决定生效之日起30日内报备案"));

        Assert.True(expression.IsEventLimit);
        Assert.Equal("30日内", expression.PeriodText);
    }

    [Fact]
    public void Parse_ArbitraryText_NeverThrowsAndKeepsPositionsInside()
    {
        const string alphabet = "每年月季度半周全按次回个天学时课底前内日起之第四一二两十12３l，。；、（）“”《》<p></p>\t 党支部委员会七或年初中末度述职考核计划制定";
        var random = new Random(20260323);
        for (var n = 0; n < 3000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            foreach (var e in FrequencyParser.Parse(text, n % 2 == 0 ? "P1Y" : null))
            {
                Assert.InRange(e.AnchorStart, 0, text.Length);
                Assert.InRange(e.ObjectEnd, e.ObjectStart, text.Length);
                Assert.InRange(e.SpanStart, 0, e.AnchorStart);
                Assert.StartsWith("P", e.Period, StringComparison.Ordinal);
                Assert.True(e.Count is > 0 || e.Quota is { Amount: > 0 });
            }
        }
    }

    [Fact]
    public void Parse_VeryLongSentence_FindsEveryExpression()
    {
        var text = string.Concat(Enumerable.Repeat("每月召开1次支部委员会，", 500));

        Assert.Equal(500, FrequencyParser.Parse(text).Count);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => FrequencyParser.Parse(null!));
    }
}
