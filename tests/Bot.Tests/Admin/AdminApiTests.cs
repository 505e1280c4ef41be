using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Admin;

public sealed class AdminApiTests : IClassFixture<RedisServerFixture>, IAsyncDisposable
{
    private const string Token = "test-admin-token-0123456789";
    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _client;
    private readonly string _branch = "t" + Guid.NewGuid().ToString("N")[..10];

    public AdminApiTests(RedisServerFixture redis)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Redis:Configuration", redis.Configuration)
            .UseSetting("Admin:Token", Token));
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong")]
    [InlineData("Bearer test-admin-token-012345678")]
    [InlineData("Basic dGVzdA==")]
    public async Task AnyEndpoint_MissingOrWrongToken_401AndNothingWritten(string? authorization)
    {
        using var client = _factory.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var create = await client.PostAsJsonAsync("/api/admin/branches", new { id = _branch, name = "支部" });
        var list = await client.GetAsync(new Uri("/api/admin/branches", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri($"/api/admin/branches/{_branch}/members", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AnyEndpoint_NoTokenConfigured_503Disabled()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Redis:Configuration", "127.0.0.1:1")
            .UseSetting("Admin:Token", "")
            .UseSetting("Admin:GenerateToken", "false"));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "");

        var response = await client.GetAsync(new Uri("/api/admin/branches", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Admin:Token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateBranch_Valid_201ThenListedAndDuplicate409()
    {
        var created = await _client.PostAsJsonAsync("/api/admin/branches", new { id = _branch, name = "机关第一党支部" });
        var again = await _client.PostAsJsonAsync("/api/admin/branches", new { id = _branch, name = "机关第一党支部" });
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/admin/branches");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(list.EnumerateArray(), b => b.GetProperty("id").GetString() == _branch && b.GetProperty("name").GetString() == "机关第一党支部");
    }

    [Fact]
    public async Task CreateBranch_WithoutId_GeneratesOne()
    {
        var created = await _client.PostAsJsonAsync("/api/admin/branches", new { name = "第二支部" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches("^b[0-9a-f]{8}$", body.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("{\"id\":\"x1\"}")]
    [InlineData("{\"id\":\"Bad Id!\",\"name\":\"支部\"}")]
    [InlineData("{not json")]
    [InlineData("")]
    public async Task CreateBranch_BadBody_400(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await _client.PostAsync(new Uri("/api/admin/branches", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ImportRoster_ValidCsvWithBom_ImportsAndListsMembersAndInvites()
    {
        await CreateBranchAsync();
        byte[] csv = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("姓名,角色,手机号\r\n王书记,党支部书记,13900000000\r\n张三,党员,\r\n")];

        var response = await PostRosterAsync(csv);
        var members = await _client.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{_branch}/members");
        var invites = await _client.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{_branch}/invites");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        Assert.Equal(["王书记", "张三"], members.EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.All(members.EnumerateArray(), m => Assert.False(m.GetProperty("bound").GetBoolean()));
        Assert.Equal("13900000000", members[0].GetProperty("mobile").GetString());
        Assert.Equal(2, invites.GetArrayLength());
        Assert.All(invites.EnumerateArray(), i => Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$", i.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task ImportRoster_BadRows_400ListsRowsAndImportsNothing()
    {
        await CreateBranchAsync();

        var response = await PostRosterAsync(Encoding.UTF8.GetBytes("姓名,角色,手机号\n王书记,党支部书记,\n张三,书记,\n李四,党员,123\n"));
        var members = await _client.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{_branch}/members");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([3, 4], body.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()));
        Assert.Contains("书记", body.GetProperty("rows")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, members.GetArrayLength());
    }

    [Fact]
    public async Task ImportRoster_NotUtf8_400()
    {
        await CreateBranchAsync();

        var response = await PostRosterAsync([0xD5, 0xC5, 0xC8, 0xFD, 0x2C, 0xB5, 0xB3, 0xD4, 0xB1]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportRoster_EmptyFile_400()
    {
        await CreateBranchAsync();

        var response = await PostRosterAsync(Encoding.UTF8.GetBytes("姓名,角色,手机号\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ImportRoster_TooLarge_413()
    {
        await CreateBranchAsync();

        var response = await PostRosterAsync(new byte[(1024 * 1024) + 1]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ImportRoster_UnknownBranch_404()
    {
        var response = await PostRosterAsync(Encoding.UTF8.GetBytes("张三,党员\n"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task IssueInvite_Member_NewCodeListed()
    {
        await CreateBranchAsync();
        var imported = await (await PostRosterAsync(Encoding.UTF8.GetBytes("张三,党员\n"))).Content.ReadFromJsonAsync<JsonElement>();
        var member = imported.GetProperty("members")[0];

        var issued = await _client.PostAsync(new Uri($"/api/admin/members/{member.GetProperty("id").GetString()}/invite", UriKind.Relative), null);
        var invites = await _client.GetFromJsonAsync<JsonElement>($"/api/admin/branches/{_branch}/invites");

        var code = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inviteCode").GetString();
        Assert.NotEqual(member.GetProperty("inviteCode").GetString(), code);
        Assert.Equal(code, Assert.Single(invites.EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync(new Uri("/api/admin/members/nobody/invite", UriKind.Relative), null)).StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task CreateBranchAsync()
    {
        var response = await _client.PostAsJsonAsync("/api/admin/branches", new { id = _branch, name = "机关第一党支部" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostRosterAsync(byte[] csv)
    {
        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await _client.PostAsync(new Uri($"/api/admin/branches/{_branch}/roster", UriKind.Relative), content);
    }
}
