using System.Text;
using PartyAffairs.Knowledge.Corpus;

namespace PartyAffairs.Knowledge.Tests.Corpus;

public sealed class CorpusLoaderTests : IDisposable
{
    private const string GoodDocument = "党小组工作制度\n1.组织生活会制度。党小组要坚持每月一次组织生活会制度。\n";
    private readonly string directory = Directory.CreateTempSubdirectory("kb-corpus-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "010_empty.txt", [], KnowledgeTexts.FileEmpty },
        { "011_blank.txt", Encoding.UTF8.GetBytes("  \n\n \t\n"), KnowledgeTexts.FileEmpty },
        { "012_binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02], KnowledgeTexts.FileBinary },
        { "013_gbk.txt", [0xB5, 0xB3, 0xD6, 0xA7, 0xB2, 0xBF, 0xCA, 0xE9, 0xBC, 0xC7], KnowledgeTexts.FileNotUtf8 },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task LoadDirectory_BadFile_ReportsFileAndReasonAndLoadsTheRest(string name, byte[] bytes, string reason)
    {
        await File.WriteAllTextAsync(Path.Combine(directory, "001_good.txt"), GoodDocument);
        await File.WriteAllBytesAsync(Path.Combine(directory, name), bytes);

        var result = await new CorpusLoader().LoadDirectoryAsync(directory);

        var error = Assert.Single(result.Errors);
        Assert.Equal(name, error.FileName);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(["001"], result.Documents.Select(d => d.Id));
        Assert.NotEmpty(result.Clauses);
    }

    [Fact]
    public async Task LoadFile_OverFiveMegabytes_IsRejectedWithTheSize()
    {
        var path = Path.Combine(directory, "020_huge.txt");
        await File.WriteAllTextAsync(path, new string('党', (int)(CorpusLoader.MaxFileBytes / 3) + 10));

        var (document, error) = await new CorpusLoader().LoadFileAsync(path);

        Assert.Null(document);
        Assert.NotNull(error);
        Assert.Equal("020_huge.txt", error.FileName);
        Assert.Contains("5 MB", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadDirectory_OtherExtensions_AreIgnored()
    {
        await File.WriteAllTextAsync(Path.Combine(directory, "001_good.md"), GoodDocument);
        await File.WriteAllBytesAsync(Path.Combine(directory, "image.png"), [0x89, 0x50, 0x00]);

        var result = await new CorpusLoader().LoadDirectoryAsync(directory);

        Assert.Empty(result.Errors);
        Assert.Equal("001", Assert.Single(result.Documents).Id);
    }

    [Fact]
    public async Task LoadDirectory_Missing_ReportsTheDirectory()
    {
        var missing = Path.Combine(directory, "nope");

        var result = await new CorpusLoader().LoadDirectoryAsync(missing);

        Assert.Empty(result.Parsed);
        Assert.Equal(missing, Assert.Single(result.Errors).FileName);
    }

    [Theory]
    [InlineData("000_cb7a189a9a18a7f5.txt", "000")]
    [InlineData("12-our-branch.md", "12")]
    [InlineData("本支部制度.txt", "本支部制度")]
    public void DocumentIdFor_FileName_UsesLeadingNumberOrName(string file, string id) =>
        Assert.Equal(id, CorpusLoader.DocumentIdFor(file));
}
