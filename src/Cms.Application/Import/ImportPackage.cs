using System.IO.Compression;
using Cms.Application.Common.Exceptions;

namespace Cms.Application.Import;

/// <summary>One file of an import: its path in the upload (forward slashes) and a way to read it.</summary>
public sealed record ImportEntry(string Path, Func<Stream> Open)
{
    public bool InDrafts => Path.Split('/').Contains("_drafts");
}

/// <summary>
/// The files of one import, from a zip, a folder or loose uploaded files: the posts to read and the
/// images their front matter may name. A zip is checked in full before anything is imported: entry
/// count, names (no absolute or <c>..</c> paths) and the bytes it really decompresses to.
/// </summary>
public sealed class ImportPackage : IDisposable
{
    private static readonly string[] PostExtensions = [".md", ".markdown"];
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp"];

    private readonly Dictionary<string, ImportEntry> _images;
    private readonly ILookup<string, ImportEntry> _imagesByName;
    private readonly IDisposable? _owner;

    private ImportPackage(IReadOnlyList<ImportEntry> entries, IReadOnlyList<ImportProblem> rejected, IDisposable? owner)
    {
        var site = entries.Where(e => IsPost(e.Path) && e.Path.Split('/').Any(s => s is "_posts" or "_drafts")).ToList();
        Posts = site.Count > 0 ? site : [.. entries.Where(e => IsPost(e.Path))];
        var images = entries.Where(e => HasExtension(e.Path, ImageExtensions)).ToList();
        // A zip may hold the same name twice (and a form the same file name): the first one counts.
        _images = images.DistinctBy(e => e.Path, StringComparer.Ordinal).ToDictionary(e => e.Path, StringComparer.Ordinal);
        _imagesByName = images.ToLookup(e => e.Path.Split('/')[^1], StringComparer.Ordinal);
        Rejected = rejected;
        _owner = owner;
    }

    /// <summary>Markdown files: those in <c>_posts/</c> and <c>_drafts/</c> when there are any, else every one.</summary>
    public IReadOnlyList<ImportEntry> Posts { get; }

    /// <summary>Uploaded files that are neither Markdown nor images.</summary>
    public IReadOnlyList<ImportProblem> Rejected { get; }

    public void Dispose() => _owner?.Dispose();

    /// <summary>
    /// The image a post's front matter names (<c>assets/images/a.jpg</c> or <c>/assets/images/a.jpg</c>),
    /// looked up from the site root the post lives under, then by file name when that is unambiguous.
    /// </summary>
    public ImportEntry? FindImage(string reference, string postPath)
    {
        var path = reference.Replace('\\', '/').TrimStart('/');
        if (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        if (path.Length == 0 || path.Split('/').Contains("..")) return null;
        var segments = postPath.Split('/');
        var folder = Array.FindIndex(segments, s => s is "_posts" or "_drafts");
        var root = folder > 0 ? string.Join('/', segments[..folder]) + "/" : "";
        if (_images.TryGetValue(root + path, out var found) || _images.TryGetValue(path, out found)) return found;
        var byName = _imagesByName[path.Split('/')[^1]].DistinctBy(e => e.Path, StringComparer.Ordinal).ToList();
        return byName.Count == 1 ? byName[0] : null;
    }

    /// <summary>Loose uploaded files; anything but Markdown and images is reported, not imported.</summary>
    public static ImportPackage FromFiles(IReadOnlyList<ImportEntry> files, IDisposable? owner)
    {
        var rejected = files.Where(f => !IsPost(f.Path) && !HasExtension(f.Path, ImageExtensions))
            .Select(f => new ImportProblem(f.Path, "Not imported: send .md or .markdown posts, images, or one .zip of a Jekyll site.")).ToList();
        return new ImportPackage(files, rejected, owner);
    }

    /// <summary>A Jekyll site on disk (the command line).</summary>
    public static ImportPackage FromFolder(string folder)
    {
        var root = Path.GetFullPath(folder);
        var entries = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => IsPost(f) || HasExtension(f, ImageExtensions))
            .Order(StringComparer.Ordinal)
            .Select(f => new ImportEntry(f, () => File.OpenRead(Path.Combine(root, f))))
            .ToList();
        return new ImportPackage(entries, [], null);
    }

    /// <summary>Opens a zip and checks it whole before anything is imported; over a limit is an <see cref="ImportTooLargeException"/>.</summary>
    public static ImportPackage FromZip(Stream zip, ImportOptions limits, IDisposable? owner)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException)
        {
            zip.Dispose();
            throw new ValidationException("files", "The .zip file is not a valid zip archive.");
        }
        try
        {
            if (archive.Entries.Count > limits.MaxFiles)
                throw new ImportTooLargeException($"The zip holds {archive.Entries.Count} entries, more than the limit of {limits.MaxFiles}.");
            var entries = new List<ImportEntry>();
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (IsOutside(entry.FullName))
                    throw new ValidationException("files", $"The zip entry '{entry.FullName}' points outside the site (an absolute path or '..'); nothing was imported.");
                if (name.EndsWith('/') || !(IsPost(name) || HasExtension(name, ImageExtensions))) continue;
                entries.Add(new ImportEntry(name, () => new CountingStream(entry.Open(), null)));
            }
            // The sizes in the headers are the zip's own claim: the budget counts what really comes out.
            var budget = new UnzipBudget(limits.MaxUnzippedBytes);
            var buffer = new byte[81920];
            foreach (var entry in entries)
            {
                using var stream = new CountingStream(entry.Open(), budget);
                while (stream.Read(buffer, 0, buffer.Length) > 0) { }
            }
            return new ImportPackage(entries, [], new Owner(archive, owner));
        }
        catch (InvalidDataException)
        {
            archive.Dispose();
            owner?.Dispose();
            throw new ValidationException("files", "The .zip file is corrupt: an entry cannot be decompressed.");
        }
        catch
        {
            archive.Dispose();
            owner?.Dispose();
            throw;
        }
    }

    private static bool IsOutside(string name) =>
        name.StartsWith('/') || name.StartsWith('\\') || name.Contains(':') || name.Contains('\0')
        || name.Replace('\\', '/').Split('/').Contains("..");

    private static bool IsPost(string path) => HasExtension(path, PostExtensions);

    private static bool HasExtension(string path, string[] extensions) =>
        extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    private sealed class Owner(IDisposable archive, IDisposable? other) : IDisposable
    {
        public void Dispose()
        {
            archive.Dispose();
            other?.Dispose();
        }
    }

    private sealed class UnzipBudget(long limit)
    {
        private long _used;

        public void Take(int bytes)
        {
            _used += bytes;
            if (_used > limit) throw new ImportTooLargeException($"The zip decompresses to more than the limit of {limit} bytes.");
        }
    }

    /// <summary>A read-only stream that charges what it reads to a budget (when there is one).</summary>
    private sealed class CountingStream(Stream inner, UnzipBudget? budget) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget?.Take(read);
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
