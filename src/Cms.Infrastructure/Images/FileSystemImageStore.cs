using System.Buffers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Cms.Application.Common.Exceptions;
using Cms.Application.Images;
using Microsoft.Extensions.Options;

namespace Cms.Infrastructure.Images;

/// <summary>
/// Image bytes on a local disk: <c>{root}/{first two hex digits}/{name}</c>, staged in <c>{root}/tmp</c>
/// and moved into place with one rename on the same file system, so a crash leaves either no file
/// or the whole file, never half of one.
/// </summary>
public sealed partial class FileSystemImageStore(IOptions<ImageOptions> options) : IImageStore
{
    private readonly string _root = Path.GetFullPath(options.Value.Root);

    public async Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var tmp = Directory.CreateDirectory(Path.Combine(_root, "tmp")).FullName;
        var path = Path.Combine(tmp, Guid.NewGuid().ToString("N") + ".upload");
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    length += read;
                    if (length > maxBytes) throw new PayloadTooLargeException(maxBytes);
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                file.Flush(flushToDisk: true);
            }
            return new FileSystemStagedFile(path) { Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()), Length = length };
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Task CommitAsync(StagedFile staged, string name, CancellationToken ct)
    {
        var file = (FileSystemStagedFile)staged;
        var target = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(file.Path, target, overwrite: false);
            file.Committed = true;
        }
        catch (IOException) when (File.Exists(target))
        {
            // Same name, same bytes: the file is already in place; the staged copy goes with DisposeAsync.
        }
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenReadAsync(string name, CancellationToken ct)
    {
        try
        {
            // Reads complete on the calling thread: see ImageFileStream.
            return Task.FromResult<Stream?>(new ImageFileStream(File.OpenHandle(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete)));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string name, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(name)));

    public Task DeleteAsync(string name, CancellationToken ct)
    {
        var path = PathOf(name);
        File.Delete(path);
        var directory = Path.GetDirectoryName(path)!;
        if (Directory.Exists(directory))
        {
            var variants = $"{Path.GetFileNameWithoutExtension(name)}-w*{Path.GetExtension(name)}";
            foreach (var variant in Directory.EnumerateFiles(directory, variants)) File.Delete(variant);
        }
        return Task.CompletedTask;
    }

    /// <summary>Only names of our own making reach the disk: a hash, an optional width, a known extension.</summary>
    private string PathOf(string name)
    {
        if (!Name().IsMatch(name)) throw new ArgumentException($"'{name}' is not an image file name.", nameof(name));
        return Path.Combine(_root, name[..2], name);
    }

    [GeneratedRegex("^[0-9a-f]{64}(-w[0-9]{1,5})?\\.(jpg|png|gif|webp)$")]
    private static partial Regex Name();

    private sealed class FileSystemStagedFile(string path) : StagedFile
    {
        public string Path { get; } = path;
        public bool Committed { get; set; }

        public override Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);

        public override ValueTask DisposeAsync()
        {
            if (!Committed) File.Delete(Path);
            return ValueTask.CompletedTask;
        }
    }
}
