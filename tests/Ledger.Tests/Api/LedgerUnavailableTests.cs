using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Ledger.Tests.Api;

/// <summary>The ledger's database down: its endpoints answer 503 with a JSON error, never 500; the health check says so.</summary>
public sealed class LedgerUnavailableTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task PostgresDown_LedgerEndpoints503JsonAndHealthUnhealthy()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Redis:Configuration", redis.Configuration)
            .UseSetting("Admin:Token", "t")
            .UseSetting("ConnectionStrings:Ledger", $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Database=ledger;Timeout=2"));
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t");
        var branch = "u" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/admin/branches", new { id = branch, name = "机关支部" })).EnsureSuccessStatusCode();

        var post = await admin.PostAsJsonAsync($"/api/admin/branches/{branch}/records", new { kind = "党课", date = "2026-12-01" });
        var export = await admin.GetAsync(new Uri($"/api/admin/branches/{branch}/ledger.xlsx?year=2026", UriKind.Relative));

        foreach (var response in new[] { post, export })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()));
        }

        var health = await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "ledger");
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
