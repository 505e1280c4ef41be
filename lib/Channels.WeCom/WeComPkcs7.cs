namespace PartyAffairs.Channels.WeCom;

/// <summary>
/// PKCS#7 padding to 32-byte blocks, as WeCom's message encryption uses it. .NET's <c>PaddingMode.PKCS7</c> pads to the
/// cipher's 16-byte block, which WeCom rejects, so the cipher runs with <c>PaddingMode.None</c> and this pads and unpads.
/// </summary>
internal static class WeComPkcs7
{
    /// <summary>The block size WeCom pads to.</summary>
    public const int BlockSize = 32;

    /// <summary>Appends 1–32 bytes, each holding the number of bytes appended; a full block when already aligned.</summary>
    public static byte[] Pad(ReadOnlySpan<byte> data)
    {
        var padding = BlockSize - (data.Length % BlockSize);
        var padded = new byte[data.Length + padding];
        data.CopyTo(padded);
        padded.AsSpan(data.Length).Fill((byte)padding);
        return padded;
    }

    /// <summary>The length without padding; false unless the data ends in a well-formed 1–32 byte pad.</summary>
    public static bool TryGetUnpaddedLength(ReadOnlySpan<byte> padded, out int length)
    {
        length = 0;
        if (padded.Length == 0 || padded.Length % BlockSize != 0)
        {
            return false;
        }

        var padding = padded[^1];
        if (padding is < 1 or > BlockSize)
        {
            return false;
        }

        foreach (var b in padded[^padding..])
        {
            if (b != padding)
            {
                return false;
            }
        }

        length = padded.Length - padding;
        return true;
    }
}
