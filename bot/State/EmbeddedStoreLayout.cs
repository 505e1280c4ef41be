namespace PartyAffairs.Bot.State;

/// <summary>Where the embedded store's files are under <c>Storage:DataDir</c> (docs/state.md, "Files of the embedded store").</summary>
internal sealed class EmbeddedStoreLayout(string root)
{
    /// <summary>The data folder (absolute).</summary>
    public string Root { get; } = root;

    /// <summary><c>garnet/</c>: everything of the embedded store, and its lock file.</summary>
    public string GarnetDir => Path.Combine(Root, "garnet");

    /// <summary>Garnet's <c>--checkpointdir</c>: its checkpoints (<c>Store/</c>) and append-only file (<c>AOF/</c>).</summary>
    public string CheckpointDir => Path.Combine(GarnetDir, "checkpoints");

    /// <summary>The checkpoint Garnet recovers: <c>cpr-checkpoints/&lt;token&gt;</c> and <c>index-checkpoints/&lt;token&gt;</c>.</summary>
    public string LiveCheckpoint => Path.Combine(CheckpointDir, "Store", "checkpoints");

    /// <summary>The append-only file: <c>aof.log.*</c> segments and <c>log-commits/commit.*</c>.</summary>
    public string AofDir => Path.Combine(CheckpointDir, "AOF");

    /// <summary>Verified copies of the latest checkpoints, one folder each with its <c>manifest.json</c>.</summary>
    public string KeptDir => Path.Combine(GarnetDir, "kept");

    /// <summary>Damaged or set-aside files, one dated folder per start that moved something.</summary>
    public string QuarantineDir => Path.Combine(GarnetDir, "quarantine");
}
