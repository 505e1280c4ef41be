using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Knowledge;

public sealed class KnowledgeApiTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private WebApplicationFactory<Program> factory = null!;
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Redis:Configuration", redis.Configuration));
        client = factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task Ask_ColloquialQuestion_Returns200WithAnswerAndSourcesInContractShape()
    {
        using var response = await client.GetAsync(Url("小组会多长时间开一回"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.True(root.GetProperty("answered").GetBoolean());
        Assert.Contains("党小组会", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var source = root.GetProperty("sources")[0];
        Assert.Contains("党小组会", source.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(source.GetProperty("document").GetString()));
        Assert.False(string.IsNullOrEmpty(source.GetProperty("documentTitle").GetString()));
        Assert.False(string.IsNullOrEmpty(source.GetProperty("clauseId").GetString()));
        Assert.True(source.GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public async Task Ask_OutOfScope_Returns200NotAnswered()
    {
        var body = await client.GetFromJsonAsync<JsonElement>(Url("给我讲个笑话"));

        Assert.False(body.GetProperty("answered").GetBoolean());
        Assert.False(body.GetProperty("notStated").GetBoolean());
        Assert.Contains("例如", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("预备期多久")]
    [InlineData("支委会多久换届")]
    [InlineData("我工资8000党费交多少")]
    public async Task Ask_FactTheDocumentsDoNotState_Returns200NotAnsweredNotStatedWithTheNearestClauses(string question)
    {
        var body = await client.GetFromJsonAsync<JsonElement>(Url(question));

        Assert.False(body.GetProperty("answered").GetBoolean());
        Assert.True(body.GetProperty("notStated").GetBoolean());
        Assert.StartsWith("现有文件没有写明", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var source = body.GetProperty("sources")[0];
        Assert.False(string.IsNullOrEmpty(source.GetProperty("clauseId").GetString()));
        Assert.False(string.IsNullOrEmpty(source.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Ask_WithRole_NeverLosesTheAnonymousAnswer()
    {
        var anonymous = await client.GetFromJsonAsync<JsonElement>(Url("党费多久交一次"));
        var secretary = await client.GetFromJsonAsync<JsonElement>(Url("党费多久交一次") + "&role=" + Uri.EscapeDataString("党支部书记"));

        Assert.Equal(anonymous.GetProperty("sources")[0].GetProperty("clauseId").GetString(), secretary.GetProperty("sources")[0].GetProperty("clauseId").GetString());
        Assert.Contains("对党支部书记的要求", secretary.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WithRole_QuestionNamingNobody_LeadsWithThatRolesRule()
    {
        var body = await client.GetFromJsonAsync<JsonElement>(Url("每年要参加几次集中轮训") + "&role=" + Uri.EscapeDataString("党支部书记"));

        Assert.True(body.GetProperty("answered").GetBoolean());
        Assert.Contains("党支部书记", body.GetProperty("sources")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/knowledge/ask")]
    [InlineData("/api/knowledge/ask?q=")]
    [InlineData("/api/knowledge/ask?q=%20%20")]
    public async Task Ask_EmptyQuestion_Returns400WithError(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Ask_Over500Characters_Returns400AndExactly500IsAccepted()
    {
        using var tooLong = await client.GetAsync(Url(new string('党', 501)));
        using var longest = await client.GetAsync(Url(new string('党', 500)));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("500", (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
    }

    [Fact]
    public async Task Duties_Returns200JsonArray()
    {
        using var response = await client.GetAsync(new Uri("/api/knowledge/duties", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        foreach (var duty in body.EnumerateArray())
        {
            Assert.True(duty.TryGetProperty("period", out _));
            Assert.True(duty.TryGetProperty("clauseId", out _));
        }
    }

    [Fact]
    public async Task Health_AfterStart_KnowledgeCheckIsHealthy()
    {
        var health = await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "knowledge");

        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task Host_CorpusDirWithoutDocuments_KnowledgeCheckIsUnhealthy()
    {
        var empty = Directory.CreateTempSubdirectory("kb-empty-").FullName;
        try
        {
            await using var emptyFactory = factory.WithWebHostBuilder(b => b.UseSetting("Knowledge:CorpusDir", empty));

            var health = await emptyFactory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "knowledge");

            Assert.Equal(HealthStatus.Unhealthy, health.Status);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private static Uri Url(string question) => new("/api/knowledge/ask?q=" + Uri.EscapeDataString(question), UriKind.Relative);
}
