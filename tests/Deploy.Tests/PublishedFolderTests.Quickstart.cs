using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PartyAffairs.Deploy.Tests;

/// <summary>
/// <c>docs/quickstart.md</c> followed block by block against the published folder: its <c>sh</c> blocks run in bash in
/// the folder (the port replaced by a free one), its <c>chat NAME</c> blocks are typed by NAME through Direct Line, as
/// the chat page does. The walkthrough's promises are checked on what the bot and the API answer.
/// </summary>
public sealed partial class PublishedFolderTests
{
    private const string DocumentedPort = "5080";

    [Fact]
    public async Task Quickstart_FollowedStepByStep_AgainstThePublishedFolder()
    {
        var steps = QuickstartSteps(await File.ReadAllTextAsync(Path.Combine(published.Path, "docs", "quickstart.md")));
        var start = Assert.Single(steps, s => s.Kind == "sh start");
        Assert.Contains("dotnet run --project bot", start.Body, StringComparison.Ordinal);
        Assert.Contains(DocumentedPort, start.Body, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(published.Path, "samples", "roster.csv")), "the sample roster travels with the folder");

        var port = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var bot = StartPublished(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitHealthyAsync(http, bot);

        var shell = new StringBuilder(); // assignments of earlier blocks (BASE=…, TOKEN=…) carry over, as in one terminal
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var replies = new List<(string Who, string Said, string Answer)>();
        var shOutputs = new List<string>();
        foreach (var step in steps.Where(s => s != start))
        {
            if (step.Kind == "sh")
            {
                var script = step.Body.Replace(DocumentedPort, port, StringComparison.Ordinal);
                var (exitCode, output) = await Repository.RunAsync("bash", ["-euo", "pipefail", "-c", shell + script], TimeSpan.FromSeconds(60), published.Path);
                Assert.True(exitCode == 0, $"quickstart block failed ({exitCode}):\n{script}\n{output}");
                shOutputs.Add(output);
                foreach (var line in script.Split('\n').Where(l => AssignmentLine().IsMatch(l)))
                {
                    shell.Append(line).Append('\n');
                }

                if (output.TrimStart().StartsWith('[') && JsonDocument.Parse(output).RootElement is { ValueKind: JsonValueKind.Array } list
                    && list.EnumerateArray().All(e => e.TryGetProperty("code", out _)))
                {
                    foreach (var invite in list.EnumerateArray())
                    {
                        codes[invite.GetProperty("name").GetString()!] = invite.GetProperty("code").GetString()!;
                    }
                }
            }
            else
            {
                var who = step.Kind["chat ".Length..].Trim();
                var conversation = await DirectLineChat.StartAsync(http);
                foreach (var line in step.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var text = Placeholder().Replace(line, m => codes.TryGetValue(m.Groups[1].Value, out var code)
                        ? code
                        : throw new InvalidOperationException($"the quickstart uses {m.Value} before a block listed that member's code"));
                    replies.Add((who, line, await conversation.SayAsync(text)));
                }
            }
        }

        // The walkthrough's promises.
        Assert.Contains("王明", codes.Keys);
        Assert.All(replies.Where(r => r.Said.StartsWith("绑定", StringComparison.Ordinal)), r => Assert.Contains("绑定成功", r.Answer, StringComparison.Ordinal));
        Assert.Contains("身份：党支部书记", replies.Single(r => r.Who == "王明" && r.Said.StartsWith("绑定", StringComparison.Ordinal)).Answer, StringComparison.Ordinal);
        Assert.All(replies, r => Assert.DoesNotContain("仅限", r.Answer, StringComparison.Ordinal));
        Assert.All(replies, r => Assert.DoesNotContain("暂时不可用", r.Answer, StringComparison.Ordinal));
        Assert.Contains("主题党日", replies.Single(r => r.Said == "查看提醒计划").Answer, StringComparison.Ordinal);
        Assert.Contains("主题党日", replies.Single(r => r.Said == "我的待办").Answer, StringComparison.Ordinal);
        Assert.Contains("依据", replies.Last(r => r.Who == "张三").Answer, StringComparison.Ordinal); // a question answers with its clause

        using var settingsRequest = new HttpRequestMessage(HttpMethod.Get, "/api/admin/branches/jg1/settings");
        settingsRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(Path.Combine(published.Path, "data", "admin-token"))).Trim());
        using var settingsResponse = await http.SendAsync(settingsRequest);
        var themedDay = (await settingsResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("themedDay");
        Assert.Equal(("NthWeekday", 1, "Friday", "三楼会议室"), (themedDay.GetProperty("kind").GetString(), themedDay.GetProperty("ordinal").GetInt32(),
            themedDay.GetProperty("weekday").GetString(), themedDay.GetProperty("place").GetString()));
        Assert.Contains("主题党日", shOutputs[^1], StringComparison.Ordinal); // the plan through the admin API
    }

    /// <summary>The fenced blocks of the walkthrough that are steps (<c>sh</c>, <c>sh start</c>, <c>chat NAME</c>), in order.</summary>
    internal static IReadOnlyList<(string Kind, string Body)> QuickstartSteps(string markdown) =>
        [.. Fence().Matches(markdown.ReplaceLineEndings("\n"))
            .Select(m => (Kind: m.Groups[1].Value.Trim(), Body: m.Groups[2].Value))
            .Where(b => b.Kind is "sh" or "sh start" || b.Kind.StartsWith("chat ", StringComparison.Ordinal))];

    [GeneratedRegex(@"^```([^\n`]*)\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^[A-Z_]+=")]
    private static partial Regex AssignmentLine();

    [GeneratedRegex(@"<(\p{IsCJKUnifiedIdeographs}+)的邀请码>")]
    private static partial Regex Placeholder();

    /// <summary>A Direct Line conversation as the chat page opens it (a chat token, then the conversation), one user.</summary>
    private sealed class DirectLineChat(HttpClient http, string conversationId, string token)
    {
        private string? _watermark;

        public static async Task<DirectLineChat> StartAsync(HttpClient http)
        {
            var (conversationId, token, _) = await StartConversationAsync(http);
            return new DirectLineChat(http, conversationId, token);
        }

        /// <summary>Sends <paramref name="text"/> and returns the bot's replies to it, joined.</summary>
        public async Task<string> SayAsync(string text)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
            {
                Content = JsonContent.Create(new { type = "message", text, from = new { id = "user" }, locale = "zh-CN" }),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var posted = await http.SendAsync(post);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

            var answer = new StringBuilder();
            for (var attempt = 0; attempt < 100; attempt++)
            {
                using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities" + (_watermark is null ? "" : "?watermark=" + _watermark));
                get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var got = await http.SendAsync(get);
                var set = await got.Content.ReadFromJsonAsync<JsonElement>();
                _watermark = set.TryGetProperty("watermark", out var w) ? w.GetString() : _watermark;
                foreach (var activity in set.GetProperty("activities").EnumerateArray())
                {
                    if (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == id && activity.TryGetProperty("text", out var said))
                    {
                        answer.Append(said.GetString()).Append('\n');
                    }
                }

                if (answer.Length > 0)
                {
                    return answer.ToString();
                }

                await Task.Delay(100);
            }

            throw new TimeoutException($"no answer to “{text}” within 10 s");
        }
    }
}
