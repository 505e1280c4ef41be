using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Admin;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Operations;

/// <summary>
/// Logs the start-up banner (<see cref="StartupTexts.Banner"/>) once, when the server listens: the chat page and console
/// URLs, where the admin credential is, and the data folder.
/// </summary>
internal sealed class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    IOptions<AdminOptions> admin,
    AdminCredential credential,
    IOptions<StorageOptions> storage,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Log);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Log()
    {
        _ = admin.Value; // resolves the credential (configured, generated or disabled)
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var banner = StartupTexts.Banner(
            BaseUrl(addresses), credential.Source, credential.TokenFile, ReadCommand(credential.TokenFile), Path.GetFullPath(storage.Value.DataDir));
        OperationsLog.Banner(logger, banner);
    }

    /// <summary>The first HTTP address with a wildcard host shown as <c>localhost</c>; empty when the server has none (test server).</summary>
    internal static string BaseUrl(IEnumerable<string> addresses)
    {
        var address = addresses.OrderBy(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault();
        if (address is null)
        {
            return "";
        }

        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{(host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host)}:{uri.Port}";
    }

    /// <summary>A shell command that prints the file: relative to the working directory when inside it.</summary>
    internal static string ReadCommand(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : "./" + relative;
        return shown.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '`')
            ? "cat '" + shown.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
            : "cat " + shown;
    }
}
