using System.Globalization;

namespace PartyAffairs.Bot.State;

/// <summary>
/// Decides, before Garnet is constructed, what the embedded store recovers from. Garnet loads the newest checkpoint whose
/// metadata reads and trusts its data files: a damaged snapshot or index crashes the process (an access violation, on
/// every restart), a damaged metadata file makes it start from the append-only file alone, which it truncates at every
/// checkpoint, so nearly empty. So the checkpoint is checked against its manifest first: intact, it is loaded as is;
/// damaged, it is moved to quarantine and the newest intact kept copy is put in its place; with no intact copy, the
/// append-only file alone is used if it still holds every write; otherwise the start is refused (or, with
/// <c>Storage:AllowEmptyStart</c>, begins empty with the unusable files set aside).
/// </summary>
internal sealed class StoreRecovery(EmbeddedStoreLayout layout, bool allowEmptyStart, TimeProvider time, ILogger logger)
{
    /// <summary>
    /// Prepares Garnet's checkpoint folder and returns the number of keys without expiry the recovered store should hold
    /// (from the manifest of the checkpoint it will load), or null when that is not known.
    /// </summary>
    /// <exception cref="StoreRecoveryRefusedException">The folder held data and nothing usable is left.</exception>
    public long? Prepare()
    {
        var archive = new CheckpointArchive(layout);
        archive.RemoveIncomplete();
        var live = CheckpointArchive.ListFiles(layout.LiveCheckpoint);
        var kept = archive.List();
        var newest = kept.Select(k => k.Manifest).FirstOrDefault(m => m is not null);
        var findings = new List<string>();

        if (live.Count > 0)
        {
            var liveTokens = CheckpointArchive.LogTokens(live);
            var owner = kept.FirstOrDefault(k => k.Manifest is { } m && Tokens(m).SetEquals(liveTokens))
                ?? kept.FirstOrDefault(k => k.Manifest is { } m && Tokens(m).Overlaps(liveTokens));
            if (owner is null)
            {
                // A folder from before checkpoints were kept, or a stop between a checkpoint and its copy: nothing to check against.
                StateLog.CheckpointUnverified(logger, layout.LiveCheckpoint);
                return null;
            }

            var problem = CheckpointArchive.Verify(owner.Manifest!.Files, layout.LiveCheckpoint, allowPurgedIndexes: true);
            if (problem is null)
            {
                return owner.Manifest.PersistentKeys;
            }

            findings.Add($"the checkpoint Garnet loads ({Describe(owner.Manifest)}, in {layout.LiveCheckpoint}) is damaged: {problem}");
        }
        else if (kept.Count == 0)
        {
            var aofOnly = AppendOnlyFileState.Read(layout.AofDir);
            if (!aofOnly.Exists || aofOnly.CompleteFromStart)
            {
                // A new folder, or one never checkpointed: Garnet rebuilds the store from the append-only file.
                return null;
            }

            findings.Add($"there is no checkpoint in {layout.LiveCheckpoint} and no kept copy in {layout.KeptDir}");
        }
        else
        {
            findings.Add($"the checkpoint Garnet loads is missing from {layout.LiveCheckpoint}");
        }

        var damaged = new List<KeptCheckpoint>();
        KeptCheckpoint? intact = null;
        foreach (var copy in kept)
        {
            var problem = copy.Manifest is null ? $"{CheckpointArchive.ManifestFileName} is missing or unreadable" : CheckpointArchive.Verify(copy.Manifest.Files, copy.Directory);
            if (problem is null)
            {
                intact = copy;
                break;
            }

            damaged.Add(copy);
            findings.Add($"the kept copy {Path.GetFileName(copy.Directory)} is damaged: {problem}");
        }

        var aof = AppendOnlyFileState.Read(layout.AofDir);
        if (intact is not null)
        {
            var quarantine = Quarantine(live.Count > 0, damaged, aof: false, findings);
            archive.Restore(intact);
            var restored = intact.Manifest!;
            StateLog.CheckpointRestored(logger, string.Join("; ", findings), quarantine, restored.Sequence, restored.CreatedAt, restored.Keys);
            if (newest is not null && newest.Sequence > restored.Sequence)
            {
                // Garnet truncated the append-only file at the newer checkpoint; the writes between the two are in neither.
                StateLog.WritesLostByFallback(logger, restored.CreatedAt, newest.CreatedAt, newest.Keys, restored.Keys);
            }

            return restored.PersistentKeys;
        }

        if (aof.CompleteFromStart)
        {
            var quarantine = Quarantine(live.Count > 0, damaged, aof: false, findings);
            StateLog.RecoveredFromAofAlone(logger, string.Join("; ", findings), quarantine);
            return newest?.PersistentKeys;
        }

        findings.Add(aof.Exists
            ? string.Create(CultureInfo.InvariantCulture, $"the append-only file in {layout.AofDir} begins at address {aof.BeginAddress}, not at the start: it was truncated at a checkpoint and cannot rebuild the store alone")
            : $"there is no readable append-only file in {layout.AofDir}");
        if (newest is not null)
        {
            findings.Add($"the latest manifest records {newest.Keys} keys ({Describe(newest)})");
        }

        if (!allowEmptyStart)
        {
            throw new StoreRecoveryRefusedException(RefusalMessage(layout, findings));
        }

        var setAside = Quarantine(live.Count > 0, kept, aof: aof.Exists, findings);
        StateLog.StartedEmpty(logger, string.Join("; ", findings), setAside);
        return null;
    }

    /// <summary>The refusal: the folder, what was found, and the two ways on (restore a backup, or start empty on purpose).</summary>
    public static string RefusalMessage(EmbeddedStoreLayout layout, IEnumerable<string> findings) =>
        $"The embedded store will not start: its data folder {layout.Root} held data and nothing usable can be recovered from it. "
        + $"Found: {string.Join("; ", findings)}. Nothing was changed or deleted. "
        + $"To recover: (1) stop the service, restore a backup of the data folder into {layout.Root} (or put an intact kept checkpoint "
        + $"copy from a backup into {layout.KeptDir}), and start again; or (2) to begin with an empty store, start once with "
        + $"Storage:AllowEmptyStart=true: the unusable files are then moved to {layout.QuarantineDir}{Path.DirectorySeparatorChar}<time> and kept there. "
        + "See docs/运维手册.md (数据备份与恢复).";

    private static IReadOnlySet<string> Tokens(CheckpointManifest manifest) => CheckpointArchive.LogTokens(manifest.Files.Select(f => f.Path));

    private static string Describe(CheckpointManifest manifest) =>
        string.Create(CultureInfo.InvariantCulture, $"checkpoint #{manifest.Sequence} of {manifest.CreatedAt:yyyy-MM-dd HH:mm:ss'Z'}, {manifest.Keys} keys");

    /// <summary>
    /// Moves the given files aside into a new dated quarantine folder (never deletes them) with a note of why; returns the
    /// folder, or "nothing" when there was nothing to move.
    /// </summary>
    private string Quarantine(bool live, IReadOnlyList<KeptCheckpoint> kept, bool aof, IReadOnlyList<string> reasons)
    {
        live = live && Directory.Exists(layout.LiveCheckpoint);
        aof = aof && Directory.Exists(layout.AofDir);
        if (!live && kept.Count == 0 && !aof)
        {
            return "nothing";
        }

        var now = time.GetUtcNow();
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var folder = Path.Combine(layout.QuarantineDir, stamp);
        for (var n = 2; Directory.Exists(folder); n++)
        {
            folder = Path.Combine(layout.QuarantineDir, string.Create(CultureInfo.InvariantCulture, $"{stamp}-{n}"));
        }

        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "README.txt"),
        [
            string.Create(CultureInfo.InvariantCulture, $"Set aside by the embedded store at start-up, {now:yyyy-MM-dd HH:mm:ss'Z'}:"),
            .. reasons.Select(r => "- " + r),
        ]);
        if (live)
        {
            Directory.Move(layout.LiveCheckpoint, Path.Combine(folder, "Store-checkpoints"));
        }

        foreach (var copy in kept)
        {
            Directory.CreateDirectory(Path.Combine(folder, "kept"));
            Directory.Move(copy.Directory, Path.Combine(folder, "kept", Path.GetFileName(copy.Directory)));
        }

        if (aof)
        {
            Directory.Move(layout.AofDir, Path.Combine(folder, "AOF"));
        }

        return folder;
    }
}
