using System.Security.Cryptography;

namespace PartyAffairs.Bot.Links;

/// <summary>
/// A secret generated on first run and kept in a file of the data folder (the admin token <c>admin-token</c>, the link
/// signing key <c>link-key</c>), readable and writable by the owner only (0600). Created atomically, so instances
/// starting together on one data folder agree on one secret.
/// </summary>
internal static class SecretFile
{
    /// <summary>The admin token's file name in the data folder.</summary>
    public const string AdminToken = "admin-token";

    /// <summary>The link signing key's file name in the data folder.</summary>
    public const string LinkKey = "link-key";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The secret in <paramref name="path"/>, creating the file with a new random one (256 bits, base64url) when there is none.</summary>
    public static (string Token, bool Created, bool Tightened) ReadOrCreate(string path)
    {
        if (TryRead(path) is { } existing)
        {
            return (existing, false, Tighten(path));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var token = NewToken();
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(token);
            writer.Write('\n');
        }

        try
        {
            // No overwrite: when another process created the file meanwhile, its secret wins.
            File.Move(temporary, path, overwrite: false);
            return (token, true, false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return (TryRead(path) ?? throw new InvalidOperationException($"{path} is empty; delete it to generate a new secret."), false, false);
        }
    }

    private static string? TryRead(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length > 0 ? text : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Takes group and other permissions off an existing file; true when it had any.</summary>
    private static bool Tighten(string path)
    {
        if (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & ~OwnerOnly) == 0)
        {
            return false;
        }

        File.SetUnixFileMode(path, OwnerOnly);
        return true;
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
