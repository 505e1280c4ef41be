using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Knowledge;

public sealed class DutiesApiTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private WebApplicationFactory<Program> factory = null!;
    private JsonElement duties;

    public async Task InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Redis:Configuration", redis.Configuration));
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/knowledge/duties", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        duties = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private JsonElement Single(string quote, string period) => Assert.Single(
        duties.EnumerateArray(),
        d => d.GetProperty("text").GetString()!.Contains(quote, StringComparison.Ordinal) && d.GetProperty("period").GetString() == period);

    [Fact]
    public void Duties_EveryEntry_HasEveryContractFieldWithItsJsonType()
    {
        Assert.Equal(JsonValueKind.Array, duties.ValueKind);
        Assert.True(duties.GetArrayLength() >= 100);
        foreach (var duty in duties.EnumerateArray())
        {
            foreach (var name in new[] { "id", "document", "clauseId", "text", "summary", "period" })
            {
                Assert.Equal(JsonValueKind.String, duty.GetProperty(name).ValueKind);
            }

            foreach (var name in new[] { "actor", "kind", "window", "deadline" })
            {
                Assert.Contains(duty.GetProperty(name).ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
            }

            var count = duty.GetProperty("count");
            var quota = duty.GetProperty("quota");
            Assert.True(
                (count.ValueKind == JsonValueKind.Number && quota.ValueKind == JsonValueKind.Null)
                || (count.ValueKind == JsonValueKind.Null && quota.ValueKind == JsonValueKind.Object),
                duty.GetProperty("id").GetString());
        }
    }

    [Fact]
    public void Duties_BranchCommitteeRule_IsServedWithKindActorAndCount()
    {
        var duty = Single("党支部委员会会议一般每月召开1次", "P1M");

        Assert.Equal("000", duty.GetProperty("document").GetString());
        Assert.Equal("支部委员会", duty.GetProperty("kind").GetString());
        Assert.Equal("党支部", duty.GetProperty("actor").GetString());
        Assert.Equal(1, duty.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, duty.GetProperty("quota").ValueKind);
    }

    [Fact]
    public void Duties_StudyHourQuota_IsAnAmountWithUnitAndNoCount()
    {
        var duty = Single("党员每年集中学习培训时间一般不少于32学时", "P1Y");

        Assert.Equal(JsonValueKind.Null, duty.GetProperty("count").ValueKind);
        Assert.Equal(32, duty.GetProperty("quota").GetProperty("amount").GetDecimal());
        Assert.Equal("学时", duty.GetProperty("quota").GetProperty("unit").GetString());
    }

    [Fact]
    public void Duties_WindowAndDeadline_AreServedInContractFormat()
    {
        Assert.Equal("Q4", Single("党支部每年至少召开1次组织生活会", "P1Y").GetProperty("window").GetString());
        Assert.Equal("--12-31", Single("每年12月底前组织开展述职评议", "P1Y").GetProperty("deadline").GetString());
        Assert.Equal(1, Single("处分决定生效之日起30日内", "P30D").GetProperty("count").GetInt32());
    }

    [Fact]
    public void Duties_SentenceWithFourCounts_IsServedAsFourEntries()
    {
        var entries = duties.EnumerateArray()
            .Where(d => d.GetProperty("text").GetString()!.Contains("每年开展1次意识形态工作专题学习", StringComparison.Ordinal))
            .Select(d => d.GetProperty("count").GetInt32())
            .ToList();

        Assert.Equal([1, 2, 1, 1], entries);
    }
}
