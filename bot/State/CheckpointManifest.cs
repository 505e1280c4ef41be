namespace PartyAffairs.Bot.State;

/// <summary>
/// What one checkpoint of the embedded store consists of, written beside its kept copy once the copy is complete:
/// every file with size and SHA-256, and the number of keys the store held when it was taken.
/// </summary>
public sealed record CheckpointManifest
{
    /// <summary>The manifest format this code writes.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The manifest format.</summary>
    public required int Format { get; init; }

    /// <summary>Increases by one with every kept checkpoint of the folder; the highest is the latest.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the checkpoint was taken.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Keys in the store right after the checkpoint (DBSIZE).</summary>
    public required long Keys { get; init; }

    /// <summary>
    /// Of <see cref="Keys"/>, those without an expiry (INFO keyspace): the ones a recovered store must still hold, since
    /// keys with a TTL may have expired by the time it starts again.
    /// </summary>
    public long PersistentKeys { get; init; }

    /// <summary>The checkpoint's files, relative to Garnet's <c>Store/checkpoints</c> folder.</summary>
    public required IReadOnlyList<CheckpointFile> Files { get; init; }
}
