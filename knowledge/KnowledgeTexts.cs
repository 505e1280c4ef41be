using System.Globalization;

namespace PartyAffairs.Knowledge;

/// <summary>Every Chinese text of the knowledge area, kept together so it can be reviewed at once.</summary>
public static class KnowledgeTexts
{
    /// <summary>The corpus directory does not exist.</summary>
    public const string CorpusDirectoryMissing = "语料目录不存在";

    /// <summary>The file does not exist.</summary>
    public const string FileMissing = "文件不存在";

    /// <summary>The file is empty.</summary>
    public const string FileEmpty = "文件为空（没有任何文字）";

    /// <summary>The file is binary.</summary>
    public const string FileBinary = "文件不是纯文本（含有二进制内容）";

    /// <summary>The file is not UTF-8.</summary>
    public const string FileNotUtf8 = "文件不是 UTF-8 编码，请另存为 UTF-8 后再添加";

    /// <summary>Nothing citable was found in the file.</summary>
    public const string FileWithoutClauses = "文件中没有可识别的条款";

    /// <summary>The file is larger than 5 MB.</summary>
    public static string FileTooLarge(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"文件过大（{bytes / 1024.0 / 1024.0:0.0} MB），上限为 5 MB");

    /// <summary>The file could not be read.</summary>
    public static string FileUnreadable(string detail) => "文件无法读取：" + detail;

    /// <summary>Two files give the same document id.</summary>
    public static string DuplicateDocumentId(string id) => $"文档编号 {id} 与已有文档重复，请修改文件名开头的编号";

    /// <summary>The knowledge base has not finished loading.</summary>
    public const string NotLoaded = "知识库正在加载，请稍后再问。";

    /// <summary>Heading of the rules of other documents that differ from the first answer.</summary>
    public const string OtherRulesHeading = "其他文件的规定有所不同：";

    /// <summary>Heading of the suggestions for an ambiguous question.</summary>
    public const string DidYouMean = "您是不是想问：";

    /// <summary>The answer to a question outside party-affairs duties, with example questions.</summary>
    public static string OutOfScope(IEnumerable<string> examples) =>
        "抱歉，这个问题不在党建责任清单的范围内。我可以回答党组织和党员的工作职责、会议和活动的频次、学时要求、时间节点等问题，例如："
        + string.Join("；", examples);

    /// <summary>The citation of a clause: the title of its list, the document number and the clause's place in words.</summary>
    public static string Citation(string listTitle, string? number, string reference) =>
        number is null ? $"（依据：《{listTitle}》{reference}）" : $"（依据：《{listTitle}》（{number}）{reference}）";

    /// <summary>One differing rule of another document.</summary>
    public static string OtherRule(string listTitle, string? number, string reference, string requirement) =>
        number is null ? $"《{listTitle}》{reference}：{requirement}" : $"《{listTitle}》（{number}）{reference}：{requirement}";

    /// <summary>Heading of the rule written for the member's own role, shown after the answer.</summary>
    public static string RoleRuleHeading(string role) => $"对{role}的要求：";

    /// <summary>Heading of the items of a scoring table's row.</summary>
    public const string RowItemsHeading = "其中：";

    /// <summary>The answer when the documents do not state the asked fact; the nearest related rules follow it.</summary>
    public static string NotStated(string fact) => $"现有文件没有写明{fact}。与此相关的规定是：";

    /// <summary>The name of the kind of fact a question asks for, as the not-stated answer says it.</summary>
    public static string FactName(Retrieval.AskedFact fact) => fact switch
    {
        Retrieval.AskedFact.Frequency => "具体的频次",
        Retrieval.AskedFact.Duration => "具体的时长或期限",
        Retrieval.AskedFact.TermOfOffice => "任期或换届的年限",
        Retrieval.AskedFact.Count => "具体的数量",
        Retrieval.AskedFact.People => "具体的人数",
        Retrieval.AskedFact.Amount => "具体的金额或比例",
        Retrieval.AskedFact.Deadline => "具体的时间",
        Retrieval.AskedFact.DayOfMonth => "具体的日期",
        Retrieval.AskedFact.Quota => "具体的学时",
        Retrieval.AskedFact.Score => "具体的分值",
        _ => "这一点",
    };
}
