using System.Text;
using System.Text.RegularExpressions;

namespace PartyAffairs.Knowledge.Corpus;

/// <summary>
/// Reads every .txt and .md document of a corpus directory and parses it. A bad file (empty, binary, not UTF-8, over
/// 5 MB) is reported with its name and the reason; the other files still load.
/// </summary>
public sealed partial class CorpusLoader
{
    /// <summary>The largest document accepted, in bytes.</summary>
    public const long MaxFileBytes = 5L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly CorpusParser parser;

    /// <summary>Creates a loader that parses with <paramref name="parser"/> (a new <see cref="CorpusParser"/> when null).</summary>
    public CorpusLoader(CorpusParser? parser = null) => this.parser = parser ?? new CorpusParser();

    [GeneratedRegex(@"^(\d+)")]
    private static partial Regex LeadingNumber();

    /// <summary>Whether <paramref name="path"/> has an extension the corpus reads (.txt, .md).</summary>
    public static bool IsDocumentFile(string path) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    /// <summary>The document id for a file: its leading number ("000_x.txt" → "000"), else its name without extension.</summary>
    public static string DocumentIdFor(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        var number = LeadingNumber().Match(name);
        return number.Success ? number.Groups[1].Value : name;
    }

    /// <summary>Loads every document of <paramref name="directory"/> (not recursive), ordered by file name.</summary>
    public async Task<CorpusLoadResult> LoadDirectoryAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            return new CorpusLoadResult { Parsed = [], Errors = [new CorpusError(directory, KnowledgeTexts.CorpusDirectoryMissing)] };
        }

        var parsed = new List<ParsedDocument>();
        var errors = new List<CorpusError>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(directory).Where(IsDocumentFile).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var result = await LoadFileAsync(file, cancellationToken).ConfigureAwait(false);
            if (result.Error is not null)
            {
                errors.Add(result.Error);
            }
            else if (!ids.Add(result.Document!.Document.Id))
            {
                errors.Add(new CorpusError(Path.GetFileName(file), KnowledgeTexts.DuplicateDocumentId(result.Document.Document.Id)));
            }
            else
            {
                parsed.Add(result.Document);
            }
        }

        return new CorpusLoadResult { Parsed = parsed, Errors = errors };
    }

    /// <summary>Reads, checks and parses one file.</summary>
    public async Task<(ParsedDocument? Document, CorpusError? Error)> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return (null, new CorpusError(name, KnowledgeTexts.FileMissing));
            }

            if (info.Length > MaxFileBytes)
            {
                return (null, new CorpusError(name, KnowledgeTexts.FileTooLarge(info.Length)));
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            return (null, new CorpusError(name, KnowledgeTexts.FileUnreadable(ex.Message)));
        }
        catch (UnauthorizedAccessException ex)
        {
            return (null, new CorpusError(name, KnowledgeTexts.FileUnreadable(ex.Message)));
        }

        return Parse(name, bytes);
    }

    /// <summary>Checks and parses a document given as bytes; <paramref name="fileName"/> names it in errors and gives its id.</summary>
    public (ParsedDocument? Document, CorpusError? Error) Parse(string fileName, ReadOnlySpan<byte> bytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (bytes.Length > MaxFileBytes)
        {
            return (null, new CorpusError(fileName, KnowledgeTexts.FileTooLarge(bytes.Length)));
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            return (null, new CorpusError(fileName, KnowledgeTexts.FileBinary));
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, new CorpusError(fileName, KnowledgeTexts.FileNotUtf8));
        }

        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new CorpusError(fileName, KnowledgeTexts.FileEmpty));
        }

        var controls = text.Count(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');
        if (controls > text.Length / 100)
        {
            return (null, new CorpusError(fileName, KnowledgeTexts.FileBinary));
        }

        var document = parser.Parse(DocumentIdFor(fileName), fileName, text);
        if (document.Clauses.Count == 0)
        {
            return (null, new CorpusError(fileName, KnowledgeTexts.FileWithoutClauses));
        }

        return (document, null);
    }
}
