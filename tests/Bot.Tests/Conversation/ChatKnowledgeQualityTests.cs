using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Knowledge;
using PartyAffairs.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>
/// The knowledge base's colloquial question files (tests/Knowledge.Tests/Data) asked through CHAT — the whole host, the
/// intent layer and the command table — by an unbound user and by bound members with roles 党员 and 党支部书记. A question
/// counts as answered first when the chat relayed the knowledge base's answer for that sender and that answer leads with
/// an expected clause: so a question the intent layer took for something else (a completion, a schedule question) is a miss.
/// </summary>
public sealed partial class ChatKnowledgeQualityTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    private const string AdminToken = "t0ken-for-chat-quality-tests";

    private static readonly string[] QuestionFiles =
    [
        "qa_sample.jsonl", "colloquial_questions.jsonl", "heldout_questions.jsonl", "heldout_c_questions.jsonl",
        "heldout_d_questions.jsonl", "heldout_e_questions.jsonl", "heldout_e_lead_questions.jsonl", "heldout_f_questions.jsonl",
    ];

    [GeneratedRegex(@"[\s\u3000]+")]
    private static partial Regex WhiteSpace();

    [Fact]
    public async Task Chat_QuestionFilesAskedByBoundMembers_AtLeastTheAnonymousQualityAndAtLeast85PercentTop1()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T12:00:00+08:00", CultureInfo.InvariantCulture));
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Redis:Configuration", redis.Configuration)
            .UseSetting("Admin:Token", AdminToken)
            .UseSetting("Reminders:Enabled", "false")
            .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time)));
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        var branch = "q" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name = "机关第五党支部" })).EnsureSuccessStatusCode();
        using var csv = new StringContent("姓名,角色\n王书记,党支部书记\n张三,党员\n", Encoding.UTF8, "text/csv");
        var imported = await (await admin.PostAsync(new Uri($"/api/admin/branches/{branch}/roster", UriKind.Relative), csv)).Content.ReadFromJsonAsync<JsonElement>();
        var codes = imported.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("inviteCode").GetString()!);
        var bot = factory.Services.GetRequiredService<IBot>();
        var knowledge = factory.Services.GetRequiredService<IKnowledgeBase>();
        var adapter = new TestAdapter(factory.Services);
        var turn = 0;
        async Task<string> Say(string user, string text) => string.Join('\n', (await adapter.ProcessAsync(bot, new Activity
        {
            Type = ActivityTypes.Message,
            Id = $"{branch}-{Interlocked.Increment(ref turn)}",
            ChannelId = "emulator",
            ServiceUrl = "http://127.0.0.1:9/",
            From = new ChannelAccount { Id = $"{branch}-{user}" },
            Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = $"{branch}-{user}" },
            Text = text,
        })).Select(a => a.Text));

        Assert.StartsWith("绑定成功", await Say("王书记", "绑定 " + codes["王书记"]), StringComparison.Ordinal);
        Assert.StartsWith("绑定成功", await Say("张三", "绑定 " + codes["张三"]), StringComparison.Ordinal);
        var questions = QuestionFiles.SelectMany(Load).Where(q => q.Expect.Count > 0).ToArray();

        async Task<(double Top1, List<string> Misses)> RunAsync(string user, string? role)
        {
            var hits = 0;
            var misses = new List<string>();
            foreach (var (text, expect) in questions)
            {
                var reply = await Say(user, text);
                var answer = knowledge.Ask(text, role);
                var relayed = reply.Contains(answer.Answer, StringComparison.Ordinal);
                var leads = answer.Answered && answer.Sources.Count > 0 && expect.Any(e => WhiteSpace().Replace(answer.Sources[0].Text, string.Empty).Contains(e, StringComparison.Ordinal));
                if (relayed && leads)
                {
                    hits++;
                }
                else
                {
                    misses.Add($"{text} → {(relayed ? "not first" : "not relayed: " + reply[..Math.Min(40, reply.Length)])}");
                }
            }

            return (100.0 * hits / questions.Length, misses);
        }

        var anonymous = await RunAsync("游客", null);
        var member = await RunAsync("张三", "党员");
        var secretary = await RunAsync("王书记", "党支部书记");

        output.WriteLine($"{questions.Length} questions through chat, top-1: anonymous {anonymous.Top1:0.0}%, 党员 {member.Top1:0.0}%, 党支部书记 {secretary.Top1:0.0}%");
        output.WriteLine("党员 misses:\n" + string.Join('\n', member.Misses));
        Assert.True(questions.Length > 400, $"{questions.Length} questions");
        foreach (var (who, score) in new[] { ("党员", member), ("党支部书记", secretary) })
        {
            Assert.True(score.Top1 >= anonymous.Top1 && score.Top1 >= 85,
                $"{who}: top1 {score.Top1:0.0}% (anonymous through chat {anonymous.Top1:0.0}%)\n{string.Join('\n', score.Misses)}");
        }
    }

    private static IEnumerable<(string Text, IReadOnlyList<string> Expect)> Load(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "KnowledgeData", file))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (e.GetProperty("q").GetString()!,
                (IReadOnlyList<string>)e.GetProperty("expect").EnumerateArray().Select(x => WhiteSpace().Replace(x.GetString()!, string.Empty)).ToArray()));
}
