namespace Cms.Application.Images;

/// <summary>
/// Where image bytes live, named by content (<c>{sha256}.{ext}</c>, variants <c>{sha256}-w{width}.{ext}</c>).
/// Bytes are first staged (written in full, hashed on the way), then committed under their name in
/// one step, so a reader never sees half a file. See docs/images.md.
/// </summary>
public interface IImageStore
{
    /// <summary>
    /// Copies <paramref name="content"/> to a staging area, computing its SHA-256 as it goes. More than
    /// <paramref name="maxBytes"/> throws <see cref="Common.Exceptions.PayloadTooLargeException"/> and leaves nothing behind.
    /// </summary>
    Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken ct);

    /// <summary>Moves a staged file into place under <paramref name="name"/>; an existing file of that name is kept (same name, same bytes).</summary>
    Task CommitAsync(StagedFile staged, string name, CancellationToken ct);

    /// <summary>A readable, seekable stream of the named file, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string name, CancellationToken ct);

    Task<bool> ExistsAsync(string name, CancellationToken ct);

    /// <summary>Deletes the named file and its variants; no error when there is none.</summary>
    Task DeleteAsync(string name, CancellationToken ct);
}

/// <summary>An upload written to the staging area and not yet committed. Disposing it removes what was not committed.</summary>
public abstract class StagedFile : IAsyncDisposable
{
    public required string Sha256 { get; init; }
    public required long Length { get; init; }

    /// <summary>Reads the staged bytes (for the header probe).</summary>
    public abstract Stream OpenRead();

    public abstract ValueTask DisposeAsync();
}
