using System.Text;
using PartyAffairs.Bot.Knowledge;
using PartyAffairs.Knowledge;

namespace PartyAffairs.Bot.Tests.Knowledge;

public sealed class KnowledgeCliTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("kb-cli-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Ask_InScopeQuestion_PrintsAnswerWithCitationAndSourcesAndExitsZero()
    {
        var (code, output) = await RunAsync("ask", "小组会多长时间开一回");

        Assert.Equal(0, code);
        Assert.Contains("党小组会", output, StringComparison.Ordinal);
        Assert.Contains("依据", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OutOfScope_PrintsWhatTheBotCanAnswerAndExitsThree()
    {
        var (code, output) = await RunAsync("ask", "给我讲个笑话");

        Assert.Equal(3, code);
        Assert.Contains("例如", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duties_PrintsTheTotal()
    {
        var (code, output) = await RunAsync("duties");

        Assert.Equal(0, code);
        Assert.Contains("项职责", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NewDocument_ShowsMetadataClausesAndUnparsedLines()
    {
        var file = Path.Combine(directory, "077_本支部制度.txt");
        await File.WriteAllTextAsync(file, """
            中共示例市委员会
            示发〔2021〕7号
            关于印发《示例支部工作制度》的通知
            一、支部委员会
            1．支部委员会会议每月召开1次。
            2．组织委员负责党费收缴。
            签名：_____
            """);

        var (code, output) = await RunAsync("check", file);

        Assert.Equal(0, code);
        Assert.Contains("示发〔2021〕7号", output, StringComparison.Ordinal);
        Assert.Contains("示例支部工作制度", output, StringComparison.Ordinal);
        Assert.Contains("[一.1]", output, StringComparison.Ordinal);
        Assert.Contains("[一.2]", output, StringComparison.Ordinal);
        Assert.Contains("第 7 行", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NotUtf8_NamesFileAndReasonAndExitsOne()
    {
        var file = Path.Combine(directory, "078_gbk.txt");
        await File.WriteAllBytesAsync(file, Encoding.Latin1.GetBytes("\u00b5\u00b3\u00d6\u00a7\u00b2\u00bf"));

        var (code, output) = await RunAsync("check", file);

        Assert.Equal(1, code);
        Assert.Contains("078_gbk.txt", output, StringComparison.Ordinal);
        Assert.Contains(KnowledgeTexts.FileNotUtf8, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownCommand_PrintsUsageAndExitsTwo()
    {
        var (code, output) = await RunAsync("frobnicate");

        Assert.Equal(2, code);
        Assert.Contains("knowledge ask", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var writer = new StringWriter();
        var code = await KnowledgeCli.RunAsync(args, writer, CancellationToken.None);
        return (code, writer.ToString());
    }
}
