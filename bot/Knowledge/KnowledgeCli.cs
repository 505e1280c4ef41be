using System.Globalization;
using PartyAffairs.Knowledge;
using PartyAffairs.Knowledge.Corpus;

namespace PartyAffairs.Bot.Knowledge;

/// <summary>
/// Operator commands: <c>knowledge ask "问题" [--role 角色]</c>, <c>knowledge duties</c>, <c>knowledge check FILE</c>;
/// <c>--corpus DIR</c> reads another corpus directory.
/// </summary>
internal static class KnowledgeCli
{
    /// <summary>Runs a command (the arguments after "knowledge") and returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, CancellationToken.None);

    /// <summary>Runs a command, writing to <paramref name="output"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var positional = new List<string>();
        string? role = null;
        var corpus = new KnowledgeOptions().ResolvedCorpusDir;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--role" when i + 1 < args.Length:
                    role = args[++i];
                    break;
                case "--corpus" when i + 1 < args.Length:
                    corpus = Path.GetFullPath(args[++i]);
                    break;
                default:
                    positional.Add(args[i]);
                    break;
            }
        }

        return positional switch
        {
            ["ask", .. var words] when words.Count > 0 => await AskAsync(string.Join(' ', words), role, corpus, output, cancellationToken),
            ["duties"] => await DutiesAsync(corpus, output, cancellationToken),
            ["check", var file] => await CheckAsync(file, corpus, output, cancellationToken),
            _ => Usage(output),
        };
    }

    private static async Task<int> AskAsync(string question, string? role, string corpus, TextWriter output, CancellationToken cancellationToken)
    {
        if (question.Length > KnowledgeApi.MaxQuestionLength)
        {
            await output.WriteLineAsync(KnowledgeApiTexts.QuestionTooLong(KnowledgeApi.MaxQuestionLength));
            return 2;
        }

        var knowledgeBase = await LoadAsync(corpus, output, cancellationToken);
        if (knowledgeBase is null)
        {
            return 1;
        }

        var answer = knowledgeBase.Ask(question, role);
        await output.WriteLineAsync(answer.Answer);
        await output.WriteLineAsync();
        foreach (var source in answer.Sources)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{source.Score:0.00}] {source.Document} {source.ClauseId}  {source.Text}"));
        }

        return answer.Answered ? 0 : 3;
    }

    private static async Task<int> DutiesAsync(string corpus, TextWriter output, CancellationToken cancellationToken)
    {
        var knowledgeBase = await LoadAsync(corpus, output, cancellationToken);
        if (knowledgeBase is null)
        {
            return 1;
        }

        foreach (var duty in knowledgeBase.Duties)
        {
            var amount = duty.Quota is null ? duty.Count?.ToString(CultureInfo.InvariantCulture) + "次" : $"{duty.Quota.Amount}{duty.Quota.Unit}";
            await output.WriteLineAsync($"{duty.Document} {duty.ClauseId}\t{duty.Period}\t{amount}\t{duty.Kind}\t{duty.Actor}\t{duty.Summary}");
        }

        await output.WriteLineAsync($"共 {knowledgeBase.Duties.Count} 项职责。");
        return 0;
    }

    private static async Task<int> CheckAsync(string file, string corpus, TextWriter output, CancellationToken cancellationToken)
    {
        var loader = new CorpusLoader();
        var (document, error) = await loader.LoadFileAsync(Path.GetFullPath(file), cancellationToken);
        if (error is not null || document is null)
        {
            await output.WriteLineAsync($"无法添加：{error}");
            return 1;
        }

        var meta = document.Document;
        await output.WriteLineAsync($"文档编号：{meta.Id}");
        await output.WriteLineAsync($"标题：{meta.Title}");
        await output.WriteLineAsync($"发文机关：{meta.Issuer ?? "（未识别）"}");
        await output.WriteLineAsync($"文号：{meta.Number ?? "（未识别）"}");
        await output.WriteLineAsync($"日期：{meta.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "（未识别）"}");
        await output.WriteLineAsync($"地名：{(meta.Places.Count > 0 ? string.Join("、", meta.Places) : "（未识别）")}");
        await output.WriteLineAsync($"条款：{document.Clauses.Count} 条");
        foreach (var clause in document.Clauses)
        {
            var text = clause.Text.Length > 50 ? clause.Text[..50] + "…" : clause.Text;
            await output.WriteLineAsync($"  [{clause.Id}] ({string.Join("、", clause.Roles)}) {text}");
        }

        await output.WriteLineAsync($"未能解析的行：{document.Skipped.Count} 行");
        foreach (var skipped in document.Skipped)
        {
            await output.WriteLineAsync($"  第 {skipped.Line} 行（{skipped.Reason}）：{skipped.Text}");
        }

        var existing = await loader.LoadDirectoryAsync(corpus, cancellationToken);
        if (existing.Documents.Any(d => d.Id == meta.Id && d.FileName != meta.FileName))
        {
            await output.WriteLineAsync(KnowledgeTexts.DuplicateDocumentId(meta.Id));
            return 1;
        }

        return 0;
    }

    private static async Task<KnowledgeBase?> LoadAsync(string corpus, TextWriter output, CancellationToken cancellationToken)
    {
        var knowledgeBase = new KnowledgeBase();
        var errors = await knowledgeBase.LoadAsync(corpus, cancellationToken);
        foreach (var error in errors)
        {
            await output.WriteLineAsync($"已跳过：{error}");
        }

        if (!knowledgeBase.IsLoaded)
        {
            await output.WriteLineAsync($"语料目录中没有可用的文档：{corpus}");
            return null;
        }

        return knowledgeBase;
    }

    private static int Usage(TextWriter output)
    {
        output.WriteLine("用法：");
        output.WriteLine("  knowledge ask \"问题\" [--role 角色] [--corpus 目录]   提问并显示依据条款");
        output.WriteLine("  knowledge duties [--corpus 目录]                      列出全部有频次或期限的职责");
        output.WriteLine("  knowledge check 文件 [--corpus 目录]                  检查新文档：显示解析出的内容和未能解析的行");
        return 2;
    }
}
