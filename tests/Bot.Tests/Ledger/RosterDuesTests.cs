using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PartyAffairs.Bot.Admin;
using PartyAffairs.Bot.Tests.Console;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Ledger;

/// <summary>The roster's optional dues columns (类别, 月收入), in CSV and .xlsx: all or nothing, with the bad-row report.</summary>
public sealed class RosterDuesTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly string[][] Roster =
    [
        ["姓名", "角色", "手机号", "人员类别", "工资基数"],
        ["王书记", "党支部书记", "", "在职", "12000"],
        ["张三", "党员", "", "在职", "8000"],
        ["李四", "党员", "", "离退休", "4000"],
        ["王五", "党员", "", "", ""],
    ];

    [Fact]
    public async Task Csv_WithDuesColumns_MembersAssessedAndTheAmountInChat()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration, string.Join('\n', Roster.Select(r => string.Join(',', r))) + "\n");

        Assert.Equal(120.00m, await MonthlyAmountAsync(host, "张三"));
        Assert.Equal(240.00m, await MonthlyAmountAsync(host, "王书记"));
        Assert.Equal(20.00m, await MonthlyAmountAsync(host, "李四"));
        Assert.Null(await MonthlyAmountAsync(host, "王五"));
        Assert.StartsWith("您每月应交党费 120.00元", await host.SayAsync("张三", "我的党费"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_WithDuesColumns_SameResultAsCsv_AndAgainChangesNothing()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration, "姓名,角色\n王书记,党支部书记\n");

        var first = await PostAsync(host, RosterWorkbook.Of(Roster), RosterXlsx.ContentType);
        var again = await PostAsync(host, RosterWorkbook.Of(Roster), "application/octet-stream");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, body.GetProperty("imported").GetInt32());
        Assert.Equal(3, body.GetProperty("duesAssessed").GetInt32());
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duesAssessed").GetInt32());
        Assert.Equal(120.00m, await MonthlyAmountAsync(host, "张三"));
        Assert.Equal(20.00m, await MonthlyAmountAsync(host, "李四"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BadDuesRows_Rejected_EachRowNamed_NothingImported(bool xlsx)
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration, "姓名,角色\n王书记,党支部书记\n");
        string[][] rows =
        [
            ["姓名", "角色", "类别", "月收入"],
            ["赵一", "党员", "在职", "8000"],
            ["钱二", "党员", "神仙", "8000"],
            ["孙三", "党员", "在职", ""],
            ["周四", "党员", "在职", "八千"],
        ];

        var response = xlsx
            ? await PostAsync(host, RosterWorkbook.Of(rows), RosterXlsx.ContentType)
            : await PostAsync(host, Encoding.UTF8.GetBytes(string.Join('\n', rows.Select(r => string.Join(',', r)))), "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray()
            .ToDictionary(e => e.GetProperty("row").GetInt32(), e => e.GetProperty("reason").GetString()!);
        Assert.Equal([3, 4, 5], errors.Keys.Order().ToArray());
        Assert.Contains("未知的党员类别“神仙”", errors[3], StringComparison.Ordinal);
        Assert.Contains("须提供每月税后固定收入", errors[4], StringComparison.Ordinal);
        Assert.Contains("月收入“八千”不是金额", errors[5], StringComparison.Ordinal);
        var members = await host.Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/admin/branches/{host.Branch}/members", UriKind.Relative));
        Assert.Equal(1, members.GetArrayLength());
    }

    [Fact]
    public async Task Xlsx_NotAWorkbook_RefusedWithAClearError()
    {
        await using var host = await LedgerChatHost.StartAsync(redis.Configuration, "姓名,角色\n王书记,党支部书记\n");

        var response = await PostAsync(host, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], RosterXlsx.ContentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无法读取该 Excel 文件", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(LedgerChatHost host, byte[] content, string contentType)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await host.Admin.PostAsync(new Uri($"/api/admin/branches/{host.Branch}/roster", UriKind.Relative), body);
    }

    private static async Task<decimal?> MonthlyAmountAsync(LedgerChatHost host, string name)
    {
        var members = await host.Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/admin/branches/{host.Branch}/members", UriKind.Relative));
        var id = members.EnumerateArray().Single(m => m.GetProperty("name").GetString() == name).GetProperty("id").GetString();
        var dues = await host.GetJsonAsync($"/members/{id}/dues");
        return dues.GetProperty("monthlyAmount").ValueKind == JsonValueKind.Null ? null : dues.GetProperty("monthlyAmount").GetDecimal();
    }
}
