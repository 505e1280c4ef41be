using PartyAffairs.Knowledge.Corpus;

namespace PartyAffairs.Knowledge.Tests.Corpus;

public sealed class CorpusParserTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    [Fact]
    public void LoadDirectory_ShippedCorpus_LoadsAllFiveDocumentsWithoutErrors()
    {
        Assert.Empty(corpus.Result.Errors);
        Assert.Equal(["000", "001", "002", "003", "004"], corpus.Result.Documents.Select(d => d.Id));
    }

    [Theory]
    [InlineData("000", "2020年区级机关党建工作“三级四岗”责任清单", "中共无锡市惠山区委区级机关工作委员会", "惠委工〔2020〕24号", "2020-03-23", "无锡,惠山")]
    [InlineData("001", "党组书记抓党建工作责任清单", null, null, null, "")]
    [InlineData("002", "关于进一步加强全市机关党的建设的意见（试行）", "中共丹阳市委员会", "丹发〔2020〕38号", null, "丹阳")]
    [InlineData("003", "机关党建工作责任制", null, null, null, "")]
    [InlineData("004", "2020年度“三级书记”抓机关党建工作责任清单", "中共绍兴市委办公室", "绍市委办综〔2020〕12号", "2020-03-06", "绍兴")]
    public void Parse_DocumentCover_ReadsMetadata(string id, string title, string? issuer, string? number, string? date, string places)
    {
        var document = corpus.Document(id).Document;

        Assert.Equal(title, document.Title);
        Assert.Equal(issuer, document.Issuer);
        Assert.Equal(number, document.Number);
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), document.Date);
        Assert.Equal(places, string.Join(',', document.Places));
    }

    [Theory]
    [InlineData("000", "一.(三).4#6", "党支部委员会会议一般每月召开1次，根据需要可以随时召开，对党支部重要工作进行讨论、作出决定等。")]
    [InlineData("000", "一.(二).p1", "区级机关各部门机关党委（党总支）在区委区级机关工委")]
    [InlineData("000", "二.(四).4#5", "党支部书记每年应当至少参加1次区级以上党组织举办的集中轮训。")]
    [InlineData("001", "§2.二.13#2", "每年12月底前组织开展述职评议。")]
    [InlineData("001", "§4.3#2", "每月至少召开1次支部委员会和1次支部党员大会")]
    [InlineData("002", "八#7", "机关党委书记每年向市委市级机关工委和党组（党委）述职")]
    [InlineData("002", "一#8", "机关党员每年参加集中教育培训的时间一般不少于24学时")]
    [InlineData("003", "§1.三.2", "2、一般情况下，党小组会应每月召开 l次，专门组织党员学习或专门研究党务工作方面的事宜。")]
    [InlineData("003", "§2.二.组织委员#6", "负责接转党员组织关系和党费的收缴工作")]
    [InlineData("003", "§2.三.(三)#2", "支部委员会议根据工作需要召开，全年不少于四次。")]
    [InlineData("003", "§2.三.(十四).7.(1)#2", "延长期的教育、考察工作，每两个月进行一次。")]
    [InlineData("003", "§2.三.(十五).4", "无正当理由连续六个月不交纳党费的按自行脱党处理")]
    [InlineData("003", "§3.1", "党小组要坚持每月一次组织生活会制度")]
    [InlineData("004", "§1.统筹领导.2#3", "每年至少听取1次思想政治工作情况汇报")]
    [InlineData("004", "§2.统筹谋划.2#2", "每季督查下属党组织党建工作落实不少于1次")]
    [InlineData("004", "§4.学习星.2#3", "基层党组织书记和班子成员每年参加集中培训和集体学习时间不少于56学时")]
    [InlineData("004", "§4.学习星.重扣分项.3", "3. 有党务干部专职不专业现象。")]
    [InlineData("004", "§4.业绩优.重扣分项", "行风评议末三位。")]
    [InlineData("004", "§1.注", "3月底前通过“智慧党建”管理服务平台报市直机关工委")]
    public void Parse_KnownClause_HasStableIdAndText(string document, string id, string expected)
    {
        var clause = corpus.Document(document).Clauses.Single(c => c.Id == id);

        Assert.Contains(expected, clause.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Parse_EveryClause_IsExactTextOfTheDocumentWithUniqueId(string id)
    {
        var raw = corpus.RawText(id);
        var clauses = corpus.Document(id).Clauses;

        Assert.NotEmpty(clauses);
        Assert.All(clauses, c => Assert.Contains(c.Text, raw, StringComparison.Ordinal));
        Assert.Equal(clauses.Count, clauses.Select(c => c.Id).Distinct().Count());
        Assert.All(clauses, c => Assert.Equal(id, c.DocumentId));
    }

    [Theory]
    [InlineData("000", 0)]
    [InlineData("001", 4)]
    [InlineData("002", 0)]
    [InlineData("003", 3)]
    [InlineData("004", 4)]
    public void Parse_DocumentWithSeveralLists_PrefixesIdsWithThePart(string id, int parts)
    {
        var prefixes = corpus.Document(id).Clauses
            .Where(c => c.Id.StartsWith('§'))
            .Select(c => c.Id[..c.Id.IndexOf('.', StringComparison.Ordinal)])
            .Distinct()
            .ToList();

        Assert.Equal(parts, prefixes.Count);
    }

    [Fact]
    public void Parse_TableRowWithSeveralItems_GivesOneClausePerItemUnderItsLabels()
    {
        var items = corpus.Document("004").Clauses.Where(c => c.HeadingPath.Contains("率先示范")).ToList();

        Assert.Equal(["§1.率先示范.3", "§1.率先示范.4"], items.Select(c => c.Id));
        Assert.All(items, c => Assert.Contains("共性项目", c.HeadingPath));
        Assert.All(items, c => Assert.Equal(ClauseKind.TableItem, c.Kind));
        Assert.StartsWith("4. 带头参加“三会一课”", items[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TableSecondColumn_NamesTheColumnInIdAndHeadings()
    {
        var penalties = corpus.Document("004").Clauses.Where(c => c.Id.StartsWith("§4.学习星.重扣分项.", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, penalties.Count);
        Assert.All(penalties, c => Assert.Equal("重扣分项", c.HeadingPath[^1]));
    }

    [Fact]
    public void Parse_ScoringTableRowLabelWithPoints_IsAClauseOfItsOwnBeforeItsItems()
    {
        var clauses = corpus.Document("004").Clauses.ToList();

        var rows = clauses.Where(c => c.Kind == ClauseKind.TableRow).ToList();

        Assert.Equal(["学习星 25分", "规范星 25分", "服务星 20分", "民主星 15分", "创新星 15分", "业绩优 20分", "加分 项目 (上限 10分)"], rows.Select(r => r.Text));
        var learning = rows[0];
        Assert.Equal("§4.学习星", learning.Id);
        Assert.True(clauses.IndexOf(learning) < clauses.FindIndex(c => c.Id == "§4.学习星.1#1"));
        Assert.DoesNotContain("学习星 25分", learning.HeadingPath);
    }

    [Theory]
    [InlineData("001", "§1.一.1#1", "党组书记抓党建工作责任清单")]
    [InlineData("001", "§2.二.7", "机关党委书记推进党建工作责任清单")]
    [InlineData("001", "§3.1", "党组成员和局领导“一岗双责”清单")]
    [InlineData("003", "§2.三.(十五).1", "党支部工作制度")]
    [InlineData("004", "§2.统筹谋划.1", "机关党组织书记责任清单")]
    [InlineData("004", "§4.学习星.1#1", "2020年度市直机关基层党组织“五星示范、双优引领”成效标准")]
    [InlineData("000", "一.(三).4#6", null)]
    public void Parse_DocumentWithSeveralLists_EachClauseKnowsItsList(string document, string id, string? list)
    {
        Assert.Equal(list, corpus.Document(document).Clauses.Single(c => c.Id == id).ListTitle);
    }

    [Fact]
    public void Parse_FormFieldsAndEmptyRows_AreReportedAsSkipped()
    {
        var skipped = corpus.Document("004").Skipped;

        Assert.Contains(skipped, s => s.Text.Contains("本人签名", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.Text == "个性项目");
        Assert.DoesNotContain(corpus.Document("004").Clauses, c => c.Text.Contains("_____", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_LongItem_IsSplitIntoSentencesThatKeepTheHeadingPath()
    {
        var sentences = corpus.Document("000").Clauses.Where(c => c.ParentId == "一.(三).4").ToList();

        // Six sentences; the long one about 党员大会 is further split at its semicolons.
        Assert.Equal(9, sentences.Count);
        Assert.Equal("党员大会一般每季度召开1次，听取和审查党支部委员会的工作报告；", sentences[1].Text);
        Assert.All(sentences, c => Assert.Equal(ClauseKind.Sentence, c.Kind));
        Assert.All(sentences, c => Assert.Equal(["2020年区级机关党建工作“三级四岗”责任清单", "一、“三级组织”责任", "（三）机关党支部"], c.HeadingPath));
    }

    [Theory]
    [InlineData("000", "二.(四).4#5", "党支部书记")]
    [InlineData("000", "二.(一).3#3", "党组书记")]
    [InlineData("000", "二.(三).p1", "专兼职副书记")]
    [InlineData("001", "§3.1", "党组成员")]
    [InlineData("002", "八#7", "机关党委书记")]
    [InlineData("003", "§2.二.组织委员#1", "支部委员")]
    [InlineData("003", "§2.二.书记#1", "党支部书记")]
    [InlineData("003", "§1.三.2", "党小组")]
    [InlineData("003", "§2.三.(十一)#3", "预备党员")]
    [InlineData("004", "§3.推进落实.5", "党支部书记")]
    public void Parse_Clause_KnowsItsRoles(string document, string id, string role)
    {
        var clause = corpus.Document(document).Clauses.Single(c => c.Id == id);

        Assert.Contains(role, clause.Roles);
    }

    [Fact]
    public void Parse_AllHeadingStyles_NestIntoReadableIds()
    {
        const string text = """
            一、总体要求
            （一）组织建设
            1．第一项要求，内容较多。
            （1）细项要求，内容较多。
            （2）另一细项，内容较多。
            2.点号项，内容较多。
            3、顿号项，内容较多。
            （十三）第十三项，内容较多。
            二、具体任务
            书记：负责全面工作。
            """;

        var parsed = new CorpusParser().Parse("900", "900_sample.txt", text);

        Assert.Equal(
            ["一.(一).1", "一.(一).1.(1)", "一.(一).1.(2)", "一.(一).2", "一.(一).3", "一.(十三)", "二.书记"],
            parsed.Clauses.Select(c => c.Id));
    }

    [Theory]
    [InlineData("第一句。第二句！第三句？", 3)]
    [InlineData("括号内（不拆。也不拆）之后。", 1)]
    [InlineData("引号“里面。不拆”。然后结束。", 2)]
    [InlineData("没有句号的一句", 1)]
    public void SentenceSplitter_ChineseText_SplitsOutsideBrackets(string text, int count)
    {
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(count, sentences.Count);
        Assert.Equal(text.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(sentences));
    }

    [Theory]
    [InlineData("预备党员在预备期内", "预备党员")]
    [InlineData("支部委员会会议", "党支部")]
    [InlineData("组织委员负责", "支部委员")]
    [InlineData("机关党委书记每年述职", "机关党委书记")]
    [InlineData("党委（党组）书记每年至少讲1次党课", "党组书记")]
    [InlineData("报告上级党组织", "")]
    public void RoleLexicon_Find_MatchesLongestAliasFirst(string text, string expected)
    {
        Assert.Equal(expected, string.Join(',', RoleLexicon.Find(text)));
    }
}
