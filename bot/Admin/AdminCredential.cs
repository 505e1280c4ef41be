using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Links;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Admin;

/// <summary>
/// Where the admin API's token comes from: <c>Admin:Token</c> when configured (always wins), otherwise the token
/// generated on first run in <c>{Storage:DataDir}/admin-token</c>, unless <c>Admin:GenerateToken</c> is false.
/// Fills <see cref="AdminOptions.Token"/>; never logs the token.
/// </summary>
internal sealed class AdminCredential(IOptions<StorageOptions> storage, ILogger<AdminCredential> logger) : IPostConfigureOptions<AdminOptions>
{
    private readonly Lock _gate = new();
    private (string Token, AdminCredentialSource Source)? _generated;

    /// <summary>Where the token in force came from (known once the admin options were first read).</summary>
    public AdminCredentialSource Source { get; private set; } = AdminCredentialSource.Disabled;

    /// <summary>The absolute path of the generated token's file.</summary>
    public string TokenFile { get; } = Path.Combine(Path.GetFullPath(storage.Value.DataDir), SecretFile.AdminToken);

    public void PostConfigure(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.Token))
        {
            Source = AdminCredentialSource.Configured;
            return;
        }

        if (!options.GenerateToken)
        {
            Source = AdminCredentialSource.Disabled;
            return;
        }

        lock (_gate)
        {
            if (_generated is null)
            {
                var (token, created, tightened) = SecretFile.ReadOrCreate(TokenFile);
                if (created)
                {
                    AdminLog.TokenGenerated(logger, TokenFile);
                }

                if (tightened)
                {
                    AdminLog.TokenFileTightened(logger, TokenFile);
                }

                _generated = (token, created ? AdminCredentialSource.Generated : AdminCredentialSource.GeneratedEarlier);
            }

            options.Token = _generated.Value.Token;
            Source = _generated.Value.Source;
        }
    }
}
