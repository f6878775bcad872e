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
            await using var zip = await ZipArchive.CreateAsync(query.Output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
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
                    await WriteAsync(zip, path, new MemoryStream(Encoding.UTF8.GetBytes(text)), ct);
                    if (post.Image is not null) images.Add(post.Image);
                }
                count += page.Count;
                if (page.Count < PageSize) break;
                after = page[^1].Id;
            }
            foreach (var image in images)
            {
                await using var bytes = await store.OpenReadAsync(image, ct);
                if (bytes is not null) await WriteAsync(zip, JekyllWriter.ImageFolder + image, bytes, ct);
            }
            return count;
        }

        private static async Task WriteAsync(ZipArchive zip, string path, Stream content, CancellationToken ct)
        {
            var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
            entry.LastWriteTime = EntryTime;
            await using var stream = await entry.OpenAsync(ct);
            await content.CopyToAsync(stream, ct);
        }
    }
}
