using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace PartyAffairs.Bot.State;

/// <summary>
/// Verified copies of the embedded store's latest checkpoints (<c>garnet/kept/</c>). Garnet deletes a checkpoint as soon as
/// the next one is written, so these copies, each with a manifest of its files' sizes and SHA-256, are what a start falls
/// back to when the checkpoint Garnet would load is damaged.
/// </summary>
internal sealed class CheckpointArchive(EmbeddedStoreLayout layout)
{
    /// <summary>The manifest's file name in a kept copy.</summary>
    public const string ManifestFileName = "manifest.json";

    private const string IncompletePrefix = ".incomplete-";
    private const string IndexFolder = "index-checkpoints/";
    private const int BufferSize = 81920;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The kept copies, newest first; a copy whose manifest cannot be read has a null manifest.</summary>
    public IReadOnlyList<KeptCheckpoint> List()
    {
        if (!Directory.Exists(layout.KeptDir))
        {
            return [];
        }

        return Directory.EnumerateDirectories(layout.KeptDir)
            .Where(dir => !Path.GetFileName(dir).StartsWith('.'))
            .Select(dir => new KeptCheckpoint(dir, ReadManifest(dir)))
            .OrderByDescending(k => k.Manifest?.Sequence ?? SequenceFromName(k.Directory))
            .ToList();
    }

    /// <summary>
    /// Copies the checkpoint Garnet just wrote into a new kept folder, hashing each file as it is copied, writes the
    /// manifest last (a folder without one is incomplete) and removes the oldest copies beyond <paramref name="keep"/>.
    /// Returns null when Garnet's folder holds no checkpoint.
    /// </summary>
    public async Task<CheckpointManifest?> KeepAsync(long keys, long persistentKeys, int keep, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var files = ListFiles(layout.LiveCheckpoint);
        if (files.Count == 0)
        {
            return null;
        }

        Directory.CreateDirectory(layout.KeptDir);
        RemoveIncomplete();
        var sequence = UsedSequences().DefaultIfEmpty(0).Max() + 1;
        var incomplete = Path.Combine(layout.KeptDir, IncompletePrefix + sequence.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(incomplete);

        var copied = new List<CheckpointFile>(files.Count);
        foreach (var file in files)
        {
            copied.Add(await CopyAsync(layout.LiveCheckpoint, incomplete, file, cancellationToken));
        }

        var manifest = new CheckpointManifest
        {
            Format = CheckpointManifest.CurrentFormat,
            Sequence = sequence,
            CreatedAt = now,
            Keys = keys,
            PersistentKeys = persistentKeys,
            Files = copied,
        };
        await using (var stream = new FileStream(Path.Combine(incomplete, ManifestFileName), FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
        {
            await JsonSerializer.SerializeAsync(stream, manifest, Json, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{sequence:D8}-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
        Directory.Move(incomplete, Path.Combine(layout.KeptDir, name));
        Prune(keep);
        return manifest;
    }

    /// <summary>
    /// Checks <paramref name="root"/> against <paramref name="files"/>: every file present with its size and SHA-256, and no
    /// other file (the manifest of a kept copy aside). With <paramref name="allowPurgedIndexes"/> (Garnet's own folder) an
    /// index checkpoint may be gone as a whole: Garnet keeps two and, after a recovery, deletes the one it did not use.
    /// Returns what is wrong, or null when everything matches.
    /// </summary>
    public static string? Verify(IReadOnlyList<CheckpointFile> files, string root, bool allowPurgedIndexes = false)
    {
        var indexes = files.Select(f => TokenFolder(f.Path)).Where(t => t.StartsWith(IndexFolder, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var purged = allowPurgedIndexes
            ? indexes.Where(t => !Directory.Exists(Path.Combine(root, t))).ToHashSet(StringComparer.Ordinal)
            : [];
        if (indexes.Count > 0 && purged.Count == indexes.Count)
        {
            return "every index checkpoint is missing";
        }

        foreach (var file in files.Where(f => !purged.Contains(TokenFolder(f.Path))))
        {
            var path = Path.Combine(root, file.Path);
            if (!File.Exists(path))
            {
                return $"{file.Path} is missing";
            }

            var size = new FileInfo(path).Length;
            if (size != file.Size)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{file.Path} has {size} bytes, the manifest says {file.Size}");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), file.Sha256, StringComparison.Ordinal))
            {
                return $"{file.Path} does not match its SHA-256 in the manifest";
            }
        }

        var expected = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var extra = ListFiles(root).FirstOrDefault(p => !expected.Contains(p) && p != ManifestFileName);
        return extra is null ? null : $"{extra} is not in the manifest";
    }

    /// <summary>Copies a kept checkpoint's files into Garnet's (empty) checkpoint folder.</summary>
    public void Restore(KeptCheckpoint kept)
    {
        foreach (var file in kept.Manifest!.Files)
        {
            var target = Path.Combine(layout.LiveCheckpoint, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(kept.Directory, file.Path), target, overwrite: false);
        }
    }

    /// <summary>Removes copies left half-written by a process that stopped while keeping one (never listed, never used).</summary>
    public void RemoveIncomplete()
    {
        if (!Directory.Exists(layout.KeptDir))
        {
            return;
        }

        foreach (var dir in Directory.EnumerateDirectories(layout.KeptDir, IncompletePrefix + "*"))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Every file under <paramref name="root"/>, as sorted '/'-separated relative paths (none when it does not exist).</summary>
    public static IReadOnlyList<string> ListFiles(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The checkpoint folder a file belongs to: <c>cpr-checkpoints/&lt;token&gt;</c> or <c>index-checkpoints/&lt;token&gt;</c>.</summary>
    private static string TokenFolder(string path)
    {
        var parts = path.Split('/');
        return parts.Length > 2 ? parts[0] + "/" + parts[1] : path;
    }

    /// <summary>The hybrid-log (snapshot) checkpoint tokens among checkpoint files: the folder names under <c>cpr-checkpoints/</c>.</summary>
    public static IReadOnlySet<string> LogTokens(IEnumerable<string> paths) =>
        paths.Select(p => p.Split('/')).Where(p => p.Length > 2 && p[0] == "cpr-checkpoints").Select(p => p[1]).ToHashSet(StringComparer.Ordinal);

    /// <summary>Sequences of the kept copies and of copies set aside in quarantine, so a number never names two checkpoints.</summary>
    private IEnumerable<long> UsedSequences()
    {
        var kept = List().Select(k => k.Manifest?.Sequence ?? SequenceFromName(k.Directory));
        var quarantined = Directory.Exists(layout.QuarantineDir)
            ? Directory.EnumerateDirectories(layout.QuarantineDir)
                .Select(q => Path.Combine(q, "kept"))
                .Where(Directory.Exists)
                .SelectMany(Directory.EnumerateDirectories)
                .Select(SequenceFromName)
            : [];
        return kept.Concat(quarantined);
    }

    private void Prune(int keep)
    {
        // Only intact-looking copies count; one whose manifest is unreadable is left for the next start to quarantine.
        foreach (var old in List().Where(k => k.Manifest is not null).Skip(keep))
        {
            Directory.Delete(old.Directory, recursive: true);
        }
    }

    private static async Task<CheckpointFile> CopyAsync(string fromRoot, string toRoot, string relativePath, CancellationToken cancellationToken)
    {
        var target = Path.Combine(toRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long size = 0;
        try
        {
            await using var source = new FileStream(
                Path.Combine(fromRoot, relativePath), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, useAsync: true);
            await using var copy = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }

            // On disk before the manifest names it: a copy is only ever used once its manifest exists.
            copy.Flush(flushToDisk: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new CheckpointFile(relativePath, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static CheckpointManifest? ReadManifest(string dir)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<CheckpointManifest>(File.ReadAllBytes(Path.Combine(dir, ManifestFileName)), Json);
            return manifest is { Format: CheckpointManifest.CurrentFormat, Files.Count: > 0 } ? manifest : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long SequenceFromName(string dir)
    {
        var name = Path.GetFileName(dir);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return long.TryParse(dash > 0 ? name[..dash] : name, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}
