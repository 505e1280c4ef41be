using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Bot.Conversation.Commands;
using PartyAffairs.Bot.State;
using PartyAffairs.Bot.Tests.Conversation.Understanding;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>
/// The command table as the host composes it (conversation and reminder commands): precedence, authorization in one
/// place, and one roster read per turn, counted on the real store.
/// </summary>
public sealed class CommandTableTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string AdminToken = "t0ken-for-command-table-tests";
    private const string SecretaryOnly = "抱歉，该功能仅限党支部书记、副书记使用。";
    private const string NotBound = "您尚未绑定党员身份。请发送“绑定 邀请码”完成绑定（邀请码由支部书记提供）。";

    /// <summary>A message for every command that not everyone may run; a new restricted command adds its own.</summary>
    public static TheoryData<string, string> RestrictedSamples => new()
    {
        { "notice", "通知 明天下午开会" },
        { "status", "完成情况" },
        { "nudge", "催办 党费" },
        { "reminder-settings", "设置主题党日 每月15日 15:00 三楼会议室" },
        { "show-plan", "查看提醒计划" },
        { "my-duties", "我的待办" },
        { "complete", "完成 学时" },
        { "leave", "请假 主题党日" },
        { "undo", "撤销" },
        { "confirm", "确认" },
        { "cancel", "取消" },
        { "reminder-button", "已完成 党费 2026-11" },
        { "ledger-record", "记录 党员大会 11月20日 主题：学习党章" },
        { "ledger-undo-record", "撤销记录" },
        { "ledger-attendance", "参加了11月20日的党员大会" },
        { "ledger-dues-payment", "已交党费" },
        { "ledger-undo-payment", "撤销党费" },
        { "ledger-dues-profile", "设置党费 张三 在职 8000" },
        { "ledger-study", "学习 2学时 党的二十大报告" },
        { "ledger-my-study", "我的学时" },
        { "ledger-past-status", "完成情况 党费 上个月" },
        { "ledger-export", "导出台账 2026" },
        { "notice-status", "通知确认情况" },
        { "clarify", "交了" },
        { "my-progress", "我还差几次" },
        { "invite-code", "张三的邀请码" },
        { "status-viewers", "设置完成情况查看 组织委员" },
        { "console", "管理台" },
        { "reminder-all-done", "全部已完成 党费 2026-11；主题党日 2026-11" },
        { "member-profile", "设置成员 张三 外出 2027-01-01~2027-03-31" },
    };

    private static readonly DateOnly Today = new(2026, 12, 4);

    private static readonly string[] Splits = ["train", "heldout", "heldout-c"];

    private static readonly string[] MoreTexts = ["请假 主题党日 2026-12", "已完成 组织生活会、民主评议党员 2026", "设置党费日 每月5日", "帮助", "绑定 8F3K2Q", ""];

    [Fact]
    public async Task Table_EveryRestrictedCommand_HasASampleThatReachesIt()
    {
        await using var host = await StartAsync();
        var dispatcher = host.Factory.Services.GetRequiredService<CommandDispatcher>();
        var samples = RestrictedSamples.ToDictionary(row => (string)row[0], row => (string)row[1]);

        foreach (var command in dispatcher.Commands.Where(c => c.RequiredRole != RequiredRole.Anyone))
        {
            Assert.True(samples.TryGetValue(command.Name, out var text), $"{command.Name} needs a sample in {nameof(RestrictedSamples)}.");
            Assert.Same(command, dispatcher.Find(TurnInput.From(text, member: null, Today)));
        }
    }

    [Fact]
    public async Task Table_EveryUtteranceAndSample_AtMostOneCommandPerPrecedenceMatches()
    {
        await using var host = await StartAsync();
        var commands = host.Factory.Services.GetRequiredService<CommandDispatcher>().Commands.ToArray();
        var texts = Splits.SelectMany(split => LabelledUtterance.Load(split)).Select(u => u.Text)
            .Concat(RestrictedSamples.Select(row => (string)row[1]))
            .Concat(MoreTexts);
        var member = new Member { Id = "m1", BranchId = "b1", Name = "张三", Role = "党支部书记", CreatedAt = DateTimeOffset.UnixEpoch };

        foreach (var text in texts)
        {
            foreach (var sender in new[] { null, member })
            {
                var input = TurnInput.From(text, sender, Today);
                foreach (var tier in commands.GroupBy(c => c.Precedence))
                {
                    var matching = tier.Where(c => c.Matches(input)).Select(c => c.Name).ToArray();
                    Assert.True(matching.Length <= 1, $"“{text}” matches {string.Join(", ", matching)} at precedence {tier.Key}.");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(RestrictedSamples))]
    public async Task RestrictedCommand_Unbound_GetsTheBindPromptAndNothingChanges(string command, string text)
    {
        await using var host = await StartAsync();
        var before = await host.SettingsJsonAsync();

        var reply = Assert.Single(await host.SayAsync("游客", text));

        Assert.True(NotBound == reply.Text, $"{command}: {reply.Text}");
        Assert.Equal(before, await host.SettingsJsonAsync());
        Assert.Empty(await host.RecordsAsync("党费", "2026-11"));
    }

    [Theory]
    [MemberData(nameof(RestrictedSamples))]
    public async Task SecretaryCommand_OrdinaryMember_RefusedWithSecretaryOnlyAndNothingChanges(string command, string text)
    {
        await using var host = await StartAsync();
        var restricted = host.Factory.Services.GetRequiredService<CommandDispatcher>().Commands.Single(c => c.Name == command);
        if (restricted.RequiredRole != RequiredRole.Secretary)
        {
            return; // the unbound theory covers members' commands
        }

        var before = await host.SettingsJsonAsync();

        var reply = Assert.Single(await host.SayAsync("张三", text));
        var confirm = Assert.Single(await host.SayAsync("张三", "确认"));

        Assert.Equal(SecretaryOnly, reply.Text);
        Assert.Equal("当前没有待确认的操作。", confirm.Text);
        Assert.Equal(before, await host.SettingsJsonAsync());
        Assert.Empty(host.Messenger.Sent);
    }

    [Fact]
    public async Task SecretaryCommands_Secretary_AreRun()
    {
        await using var host = await StartAsync();

        var settings = Assert.Single(await host.SayAsync("王书记", "设置党费日 每月5日")).Text!;
        var plan = Assert.Single(await host.SayAsync("王书记", "查看提醒计划")).Text!;

        Assert.StartsWith("已保存", settings, StringComparison.Ordinal);
        Assert.Contains("\"duesDays\":[5]", await host.SettingsJsonAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretaryOnly, plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Precedence_ReminderButtonNamingAnEarlierPeriod_RecordsThatPeriodNotTheCurrentOne()
    {
        await using var host = await StartAsync();

        var reply = Assert.Single(await host.SayAsync("张三", "已完成 党费 2026-10")).Text!;

        Assert.StartsWith("已记录：交纳党费（2026-10）已完成", reply, StringComparison.Ordinal);
        Assert.Single(await host.RecordsAsync("党费", "2026-10"));
        Assert.Empty(await host.RecordsAsync("党费", "2026-11"));
    }

    [Fact]
    public async Task Precedence_LeaveButtonNamingTheNextPeriod_RecordsLeaveForThatPeriod()
    {
        await using var host = await StartAsync();

        await host.SayAsync("张三", "请假 主题党日 2026-12");

        var record = Assert.Single(await host.RecordsAsync("主题党日", "2026-12"));
        Assert.Equal(CompletionStatus.Leave, record.Status);
        Assert.Empty(await host.RecordsAsync("主题党日", "2026-11"));
    }

    [Fact]
    public async Task Precedence_SettingsCommandOfAMember_IsRefusedNotAnsweredAsAQuestion()
    {
        await using var host = await StartAsync();

        var reply = Assert.Single(await host.SayAsync("张三", "设置党费日 每月5日"));

        Assert.Equal(SecretaryOnly, reply.Text);
    }

    [Theory]
    [InlineData("王书记", "已完成 党费 2026-11")]
    [InlineData("王书记", "设置党费日 每月5日")]
    [InlineData("王书记", "查看提醒计划")]
    [InlineData("张三", "我的待办")]
    [InlineData("张三", "已交党费")]
    public async Task MemberLookup_AnyCommandThroughTheHost_ReadsTheBindingAndTheMemberOnce(string user, string text)
    {
        var reads = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var host = await StartAsync(reads);
        var memberId = await host.MemberIdAsync(user);
        reads.Clear();

        Assert.Single(await host.SayAsync(user, text));

        Assert.Equal(1, reads.GetValueOrDefault($"pa:account:emulator:{host.Branch}-{user}"));
        Assert.Equal(1, reads.GetValueOrDefault($"pa:member:{memberId}"));
    }

    private async Task<Host> StartAsync(ConcurrentDictionary<string, int>? reads = null)
    {
        var messenger = new RecordingMessenger();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T12:00:00+08:00", CultureInfo.InvariantCulture));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Redis:Configuration", redis.Configuration)
            .UseSetting("Admin:Token", AdminToken)
            .UseSetting("Reminders:Enabled", "false")
            .ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.AddSingleton<IProactiveMessenger>(messenger);
                if (reads is not null)
                {
                    s.AddSingleton(_ => CountingConnection.Wrap(TestRedis.Connect(redis.Configuration), reads));
                }
            }));
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        var branch = "t" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name = "机关第四党支部" })).EnsureSuccessStatusCode();
        using var csv = new StringContent("姓名,角色\n王书记,党支部书记\n张三,党员\n", Encoding.UTF8, "text/csv");
        var imported = await (await admin.PostAsync(new Uri($"/api/admin/branches/{branch}/roster", UriKind.Relative), csv)).Content.ReadFromJsonAsync<JsonElement>();
        var codes = imported.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("inviteCode").GetString()!);
        var host = new Host(factory, admin, branch, messenger);
        Assert.StartsWith("绑定成功", Assert.Single(await host.SayAsync("王书记", "绑定 " + codes["王书记"])).Text, StringComparison.Ordinal);
        Assert.StartsWith("绑定成功", Assert.Single(await host.SayAsync("张三", "绑定 " + codes["张三"])).Text, StringComparison.Ordinal);
        return host;
    }

    private sealed class Host(WebApplicationFactory<Program> factory, HttpClient admin, string branch, RecordingMessenger messenger) : IAsyncDisposable
    {
        private readonly TestAdapter _adapter = new(factory.Services);
        private readonly IBot _bot = factory.Services.GetRequiredService<IBot>();
        private int _turn;

        public WebApplicationFactory<Program> Factory => factory;

        public string Branch => branch;

        public RecordingMessenger Messenger => messenger;

        public Task<IReadOnlyList<Activity>> SayAsync(string user, string text) => _adapter.ProcessAsync(_bot, new Activity
        {
            Type = ActivityTypes.Message,
            Id = $"{branch}-{Interlocked.Increment(ref _turn)}",
            ChannelId = "emulator",
            ServiceUrl = "http://127.0.0.1:9/",
            From = new ChannelAccount { Id = $"{branch}-{user}" },
            Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = $"{branch}-{user}" },
            Text = text,
        });

        public async Task<string> MemberIdAsync(string user) =>
            (await factory.Services.GetRequiredService<RosterStore>().GetBoundMemberIdAsync("emulator", $"{branch}-{user}", CancellationToken.None))!;

        public Task<string> SettingsJsonAsync() => admin.GetStringAsync(new Uri($"/api/admin/branches/{branch}/settings", UriKind.Relative));

        public async Task<IReadOnlyCollection<CompletionRecord>> RecordsAsync(string kind, string periodKey) =>
            (await factory.Services.GetRequiredService<ICompletionLedger>().GetForDutyAsync(branch, kind, periodKey, CancellationToken.None)).Values.ToArray();

        public async ValueTask DisposeAsync()
        {
            admin.Dispose();
            await factory.DisposeAsync();
        }
    }
}
