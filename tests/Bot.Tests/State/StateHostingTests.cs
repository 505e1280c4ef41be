using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using PartyAffairs.Bot.State;
using PartyAffairs.Ledger.Completion;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Tests.Infrastructure;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Tests.State;

public sealed class StateHostingTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Host_NoRedisConfigured_StartsEmbeddedGarnetAndStoreIsHealthy()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "pa-host-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Storage:DataDir", dataDir)))
            {
                // The multiplexer connects in the background (abortConnect=false); on a loaded machine that takes a moment.
                var health = await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "store");
                for (var attempt = 0; health.Status != HealthStatus.Healthy && attempt < 60; attempt++)
                {
                    await Task.Delay(500);
                    health = await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "store");
                }

                Assert.Equal(HealthStatus.Healthy, health.Status);
                var db = factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
                await db.StringSetAsync("pa:test:restart", "kept");
            }

            // Stopping the host took a checkpoint of the embedded store (the test factory's host may finish stopping on the
            // entry point's thread a moment after the factory is disposed).
            var checkpoints = Path.Combine(dataDir, "garnet", "checkpoints", "Store", "checkpoints");
            for (var attempt = 0; attempt < 100 && !(Directory.Exists(checkpoints) && Directory.EnumerateFiles(checkpoints, "info.dat*", SearchOption.AllDirectories).Any()); attempt++)
            {
                await Task.Delay(200);
            }

            Assert.NotEmpty(Directory.EnumerateFiles(checkpoints, "info.dat*", SearchOption.AllDirectories));

            await using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Storage:DataDir", dataDir)))
            {
                var db = factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
                Assert.Equal("kept", (string?)await db.StringGetAsync("pa:test:restart"));
            }
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Host_EmbeddedStoreHeldDataAndNothingIsRecoverable_RefusesToStartWithOneCriticalMessage()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "pa-host-refused-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var server = EmbeddedGarnetServer.Start(dataDir))
            {
                await using var connection = await StoreConnection.ConnectAsync(server.EndPoint + ",allowAdmin=true", timeoutMilliseconds: 5000);
                await connection.GetDatabase().StringSetAsync("pa:test:before", "1");
                await server.CheckpointAsync(connection);
                await connection.GetDatabase().StringSetAsync("pa:test:after", "2");
            }

            // The checkpoint and its kept copies are gone (a partial restore, a disk fault); the append-only file starts past them.
            Directory.Delete(Path.Combine(dataDir, "garnet", "checkpoints", "Store"), recursive: true);
            Directory.Delete(Path.Combine(dataDir, "garnet", "kept"), recursive: true);
            var log = new RecordedLog();

            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
                .UseSetting("Storage:DataDir", dataDir)
                .ConfigureLogging(l => l.AddProvider(log)));
            // Program stops before the host runs (exit code 78 in a real process: StoreProcessTests); here the host never starts.
            Assert.NotNull(Record.Exception(() => factory.Services));

            // One message, at Critical, from the store, without a stack trace; the host adds no "failed to start" error of its own.
            var critical = Assert.Single(log.At(LogLevel.Critical));
            Assert.Equal(1113, critical.EventId);
            Assert.Null(critical.Exception);
            Assert.Empty(log.At(LogLevel.Error));
            Assert.Contains("will not start", critical.Message, StringComparison.Ordinal);
            Assert.Contains(Path.GetFullPath(dataDir), critical.Message, StringComparison.Ordinal);
            Assert.Contains("restore a backup of the data folder", critical.Message, StringComparison.Ordinal);
            Assert.Contains("Storage:AllowEmptyStart=true", critical.Message, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(dataDir, "garnet", "quarantine")));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Host_RedisConfigured_UsesItAndRegistersLedger()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Redis:Configuration", redis.Configuration));
        var key = "pa:test:" + Guid.NewGuid().ToString("N");

        await factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StringSetAsync(key, "x");

        Assert.Equal("x", (string?)await redis.Connection.GetDatabase().StringGetAsync(key));
        // Completions live in the ledger's relational store (docs/ledger.md), not in Redis.
        Assert.IsType<SqlCompletionLedger>(factory.Services.GetRequiredService<ICompletionLedger>());
    }

    [Fact]
    public async Task Healthz_StoreUnreachable_Returns503()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Redis:Configuration", $"127.0.0.1:{ClosedPort()}"));
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
