using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.Bot.Knowledge;

/// <summary>Where the knowledge base reads its documents (configuration section <c>Knowledge</c>).</summary>
public sealed class KnowledgeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Knowledge";

    /// <summary>The corpus directory; relative paths are under the application's own folder. Default <c>sources</c>.</summary>
    [Required]
    public string CorpusDir { get; set; } = "sources";

    /// <summary>The corpus directory as an absolute path.</summary>
    public string ResolvedCorpusDir => Path.IsPathRooted(CorpusDir) ? CorpusDir : Path.Combine(AppContext.BaseDirectory, CorpusDir);
}
