using System.IO.Compression;
using System.Text;
using Cms.Application.Images;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cms.Application.Import;

public static class ExportJekyll
{
    /// <param name="Output">Where the zip is written as it is made (the response body).</param>
    public sealed record Query(Stream Output) : IQuery<int>;

    /// <summary>Every post (drafts in <c>_drafts/</c>) and the feature images they use, page by page, so memory stays flat.</summary>
    public sealed class Handler(ICmsDb db, IImageStore store, IOptions<ImportOptions> options) : IQueryHandler<Query, int>
    {
        private const int PageSize = 500;

        /// <summary>Entries carry a fixed time, so the same posts always give the same zip.</summary>
        private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public async ValueTask<int> Handle(Query query, CancellationToken ct)
        {
            var zone = options.Value.Zone;
            var images = new SortedSet<string>(StringComparer.Ordinal);
            var count = 0;
            // ZipArchive still writes headers synchronously, which a response body refuses: it writes to a
            // buffer that is sent on, asynchronously, after every entry.
            var output = new DrainedBuffer(query.Output);
            var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
            Guid? after = null;
            while (true)
            {
                var page = await db.Posts.AsNoTracking()
                    .Where(p => after == null || p.Id > after)
                    .OrderBy(p => p.Id)
                    .Take(PageSize)
                    .Select(p => new ExportedPost(p.Id, p.Slug, p.Title, p.Excerpt, p.Body, p.Status, p.PublishedAt,
                        p.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name).ToList(),
                        p.Tags.OrderBy(t => t.Position).Select(t => t.Tag.Name).ToList(),
                        p.Categories, p.Metadata,
                        p.FeatureImage == null ? null : p.FeatureImage.Sha256 + "." + p.FeatureImage.Extension))
                    .ToListAsync(ct);
                foreach (var post in page)
                {
                    var (path, text) = JekyllWriter.Write(post, zone);
                    await WriteAsync(zip, output, path, new MemoryStream(Encoding.UTF8.GetBytes(text)), ct);
                    if (post.Image is not null) images.Add(post.Image);
                }
                count += page.Count;
                if (page.Count < PageSize) break;
                after = page[^1].Id;
            }
            foreach (var image in images)
            {
                await using var bytes = await store.OpenReadAsync(image, ct);
                if (bytes is not null) await WriteAsync(zip, output, JekyllWriter.ImageFolder + image, bytes, ct);
            }
            await zip.DisposeAsync();
            await output.DrainAsync(ct);
            return count;
        }

        private static async Task WriteAsync(ZipArchive zip, DrainedBuffer output, string path, Stream content, CancellationToken ct)
        {
            var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
            entry.LastWriteTime = EntryTime;
            await using (var stream = await entry.OpenAsync(ct)) await content.CopyToAsync(stream, ct);
            await output.DrainAsync(ct);
        }
    }

    /// <summary>A write-only stream that keeps what is written until <see cref="DrainAsync"/> sends it on.</summary>
    private sealed class DrainedBuffer(Stream inner) : Stream
    {
        private readonly MemoryStream _pending = new();

        public async Task DrainAsync(CancellationToken ct)
        {
            if (_pending.Length == 0) return;
            await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
            _pending.SetLength(0);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);
    }
}
