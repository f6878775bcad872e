using Microsoft.Win32.SafeHandles;

namespace Cms.Infrastructure.Images;

/// <summary>
/// A read-only, seekable view of a stored image whose reads, async ones included, are plain
/// <c>pread</c> calls on the caller's thread. On Linux .NET has no asynchronous file I/O: a
/// FileStream's ReadAsync is the same blocking read queued to another thread-pool thread, one hop
/// per 64 KB chunk of a response. These files are small and mostly in the page cache, so the read
/// is a copy; the hops cost more than the bytes (see docs/performance.md, /media). No buffer of its
/// own either: callers read in large chunks (the response copy) or once (the header probe).
/// </summary>
internal sealed class ImageFileStream(SafeFileHandle handle) : Stream
{
    private readonly long _length = RandomAccess.GetLength(handle);
    private long _position;

    public override bool CanRead => !handle.IsClosed;
    public override bool CanSeek => !handle.IsClosed;
    public override bool CanWrite => false;
    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(Span<byte> buffer)
    {
        if (_position >= _length) return 0;
        var read = RandomAccess.Read(handle, buffer, _position);
        _position += read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : new(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => _length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) handle.Dispose();
        base.Dispose(disposing);
    }
}
