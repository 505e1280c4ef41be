using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.Bot.State;

/// <summary>Where the embedded store keeps its files (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>Directory of the embedded Garnet server's log and checkpoints; relative paths are under the working directory.</summary>
    [Required]
    public string DataDir { get; set; } = "./data";

    /// <summary>Answer a write only once the embedded store's append-only file has it on disk (no acknowledged write lost in a crash).</summary>
    public bool AofCommitWait { get; set; } = true;

    /// <summary>Minutes between checkpoints of the embedded store (they bound the append-only file and restart time); 0 disables.</summary>
    [Range(0, 24 * 60)]
    public int CheckpointMinutes { get; set; } = 60;

    /// <summary>
    /// Verified copies of the latest checkpoints kept beside the store (<c>garnet/kept/</c>), newest first; a start that
    /// finds the latest checkpoint damaged recovers from the newest intact one.
    /// </summary>
    [Range(1, 20)]
    public int KeepCheckpoints { get; set; } = 3;

    /// <summary>
    /// Start with an empty store when nothing usable can be recovered from a data folder that held data (the unusable files
    /// are moved to <c>garnet/quarantine/</c>); by default such a start is refused.
    /// </summary>
    public bool AllowEmptyStart { get; set; }
}
