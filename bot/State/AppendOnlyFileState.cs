using System.Buffers.Binary;
using System.Globalization;

namespace PartyAffairs.Bot.State;

/// <summary>
/// The embedded store's append-only file as its latest commit record describes it: where it begins and how far it is
/// written. Garnet truncates the file at every checkpoint (its begin moves to the address the checkpoint covers), so a
/// file that still begins at the first address holds every write since the folder was new and can rebuild the store alone.
/// </summary>
internal sealed record AppendOnlyFileState(bool Exists, long BeginAddress, long UntilAddress)
{
    /// <summary>The first address of a Tsavorite log (its page header comes before it).</summary>
    public const long FirstAddress = 64;

    /// <summary>No append-only file, or none readable.</summary>
    public static readonly AppendOnlyFileState None = new(false, 0, 0);

    /// <summary>The file holds every write since the folder was new (never truncated).</summary>
    public bool CompleteFromStart => Exists && BeginAddress <= FirstAddress;

    /// <summary>The file holds writes, or held writes it has since been truncated past.</summary>
    public bool HeldData => Exists && (UntilAddress > FirstAddress || BeginAddress > FirstAddress);

    /// <summary>Reads the newest commit record (<c>log-commits/commit.&lt;n&gt;.0</c>) of the file in <paramref name="aofDir"/>.</summary>
    public static AppendOnlyFileState Read(string aofDir)
    {
        var commits = Path.Combine(aofDir, "log-commits");
        if (!Directory.Exists(commits))
        {
            return None;
        }

        // Newest first; a damaged record falls back to the one before (Tsavorite does the same when it recovers).
        var records = Directory.EnumerateFiles(commits, "commit.*")
            .Select(path => (Path: path, Number: CommitNumber(path)))
            .Where(r => r.Number >= 0)
            .OrderByDescending(r => r.Number);
        foreach (var record in records)
        {
            if (TryParse(File.ReadAllBytes(record.Path), out var state))
            {
                return state;
            }
        }

        return None;
    }

    private static long CommitNumber(string path)
    {
        // commit.<n>.<segment>
        var parts = Path.GetFileName(path).Split('.');
        return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
    }

    /// <summary>
    /// Tsavorite's log commit record: a length, then version (int32), checksum, begin, until, commit number (int64 each) and
    /// a cookie length (int32); the checksum is the XOR of the fields (and of the cookie, absent here).
    /// </summary>
    private static bool TryParse(ReadOnlySpan<byte> bytes, out AppendOnlyFileState state)
    {
        state = None;
        const int Length = sizeof(int) + sizeof(int) + (4 * sizeof(long)) + sizeof(int);
        if (bytes.Length < Length || BinaryPrimitives.ReadInt32LittleEndian(bytes) < Length - sizeof(int))
        {
            return false;
        }

        var body = bytes[sizeof(int)..];
        var version = BinaryPrimitives.ReadInt32LittleEndian(body);
        var checksum = BinaryPrimitives.ReadInt64LittleEndian(body[4..]);
        var begin = BinaryPrimitives.ReadInt64LittleEndian(body[12..]);
        var until = BinaryPrimitives.ReadInt64LittleEndian(body[20..]);
        var number = BinaryPrimitives.ReadInt64LittleEndian(body[28..]);
        var cookieLength = BinaryPrimitives.ReadInt32LittleEndian(body[36..]);
        if (version <= 0 || begin < 0 || until < begin || (cookieLength <= 0 && checksum != (begin ^ until ^ number ^ cookieLength)))
        {
            return false;
        }

        state = new AppendOnlyFileState(true, begin, until);
        return true;
    }
}
