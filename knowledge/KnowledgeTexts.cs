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
}
