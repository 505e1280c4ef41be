namespace PartyAffairs.BotFramework.Http;

/// <summary>
/// A read-only view of a request body that throws <see cref="RequestBodyTooLargeException"/> once more than the limit was
/// read, or at the first read when the declared length is already over it: chunked and unknown-length bodies are cut off
/// as early as declared ones, and no reader can buffer more than the limit.
/// </summary>
internal sealed class LimitedRequestStream(Stream inner, long maxBytes, long? declaredLength) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, Check(count)));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await inner.ReadAsync(buffer.AsMemory(offset, Check(count)), cancellationToken));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Read at most one byte past the limit: enough to know it was exceeded, never a large buffer's worth.
        var room = (int)Math.Min(buffer.Length, Math.Max(0, maxBytes - _read) + 1);
        return Count(await inner.ReadAsync(buffer[..Check(room)], cancellationToken));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Check(int count)
    {
        if (declaredLength > maxBytes || _read > maxBytes)
        {
            throw new RequestBodyTooLargeException(maxBytes);
        }

        return count;
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > maxBytes)
        {
            throw new RequestBodyTooLargeException(maxBytes);
        }

        return read;
    }
}
