using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.Bot.Conversation.Commands;
using PartyAffairs.Bot.State;
using PartyAffairs.Bot.Tests.Ledger;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Guides;

/// <summary>
/// Every command <c>docs/用户手册.md</c> shows is sent to the bot, through the host, by a bound member of the role its
/// section is for (党员 for 二、党员常用命令, 党支部书记 for 五、支部书记和组织委员命令), in the order of the guide: each is
/// taken by the command it describes (not the knowledge base's fallback, unless the row is a question about the rules,
/// which must then cite its clause) and answered without a refusal.
/// </summary>
public sealed partial class UserGuideTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly string[] Refusals = ["抱歉", "未找到", "暂时不可用", "无法识别", "格式不正确", "请稍后再试"];

    [Fact]
    public void Guide_ShowsMemberAndSecretaryCommands()
    {
        var rows = Rows(GuideFiles.Read("用户手册.md"));
        Assert.True(rows.Count(r => r.Role == "党员") >= 10, "the member section lists its commands");
        Assert.True(rows.Count(r => r.Role == "党支部书记") >= 15, "the secretary section lists its commands");
    }

    [Fact]
    public async Task EveryCommandTheGuideShows_IsAcceptedByTheBot()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration);
        var dispatcher = host.Factory.Services.GetRequiredService<CommandDispatcher>();
        var today = DateOnly.FromDateTime(host.Time.GetLocalNow().DateTime);
        var problems = new List<string>();
        foreach (var (role, example, explanation) in Rows(GuideFiles.Read("用户手册.md")))
        {
            var user = role == "党支部书记" ? "王书记" : "张三";
            var member = new Member { Id = "guide", BranchId = host.Branch, Name = user, Role = role, CreatedAt = DateTimeOffset.UnixEpoch };
            var command = dispatcher.Find(TurnInput.From(example, member, today));
            var isRuleQuestion = explanation.Contains("依据", StringComparison.Ordinal) || explanation.Contains("制度规定", StringComparison.Ordinal);
            var replies = string.Join('\n', (await host.TurnAsync(user, example, group: false)).Select(a => a.Text));

            if (command is null || (command.Name == "question" && !isRuleQuestion))
            {
                problems.Add($"“{example}” ({role}) reaches {command?.Name ?? "no command"}: {replies}");
            }
            else if (Refusals.FirstOrDefault(r => replies.Contains(r, StringComparison.Ordinal)) is { } refusal)
            {
                problems.Add($"“{example}” ({role}) is refused ({refusal}): {replies}");
            }
            else if (isRuleQuestion && !replies.Contains("依据", StringComparison.Ordinal))
            {
                problems.Add($"“{example}” ({role}) answers without its clause: {replies}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>The example (first column, in backticks) and explanation of each command row, with the role its section is for.</summary>
    internal static IReadOnlyList<(string Role, string Example, string Explanation)> Rows(string markdown)
    {
        var rows = new List<(string, string, string)>();
        string? role = null;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                role = line.Contains("党员常用命令", StringComparison.Ordinal) ? "党员"
                    : line.Contains("支部书记", StringComparison.Ordinal) && line.Contains("命令", StringComparison.Ordinal) ? "党支部书记"
                    : null;
            }
            else if (role is not null && Row().Match(line) is { Success: true } row)
            {
                rows.Add((role, row.Groups[1].Value, row.Groups[2].Value));
            }
        }

        return rows;
    }

    [GeneratedRegex(@"^\| `([^`]+)` \| (.*) \|$")]
    private static partial Regex Row();
}
