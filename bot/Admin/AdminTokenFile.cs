using System.Security.Cryptography;

namespace PartyAffairs.Bot.Admin;

/// <summary>
/// The admin token generated on first run: <c>admin-token</c> in the data folder, readable and writable by the owner
/// only (0600). Created atomically, so instances starting together on one data folder agree on one token.
/// </summary>
internal static class AdminTokenFile
{
    /// <summary>The file's name in the data folder.</summary>
    public const string FileName = "admin-token";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The token in <paramref name="path"/>, creating the file with a new random token when there is none.</summary>
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
            // No overwrite: when another process created the file meanwhile, its token wins.
            File.Move(temporary, path, overwrite: false);
            return (token, true, false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return (TryRead(path) ?? throw new InvalidOperationException($"{path} is empty; delete it to generate a new admin token."), false, false);
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
