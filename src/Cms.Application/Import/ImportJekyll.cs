using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using Cms.Application.Images;
using Cms.Application.Posts;
using Cms.Application.Webhooks;
using Cms.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cms.Application.Import;

public static class ImportJekyll
{
    /// <param name="Progress">Told how many post files are done (the command line prints it).</param>
    public sealed record Command(ImportPackage Package, IProgress<int>? Progress = null) : ICommand<ImportReport>;

    /// <summary>
    /// Each post is saved in its own transaction through <see cref="PostChanges"/>, the write path of the
    /// API, so an import cannot store what a PUT would refuse. A file that fails is reported and the
    /// others go on; one that matches its post (by slug) is not written at all.
    /// </summary>
    public sealed class Handler(ICmsDb db, PostChanges changes, PostImages images, TimeProvider clock, IOptions<ImportOptions> options)
        : ICommandHandler<Command, ImportReport>
    {
        /// <summary>Most characters read from one post file: a body may have a million, plus the front matter.</summary>
        private const int MaxFileChars = 1_100_000;
        private const int BatchSize = 200;

        private readonly Dictionary<string, string> _authorSlugs = new(StringComparer.OrdinalIgnoreCase);
        // Building a validator compiles its rules, and the read buffer is 2 MB: once per import, not once per post.
        private readonly PostInputValidator _validator = new(clock);
        private readonly char[] _buffer = new char[MaxFileChars + 1];

        public async ValueTask<ImportReport> Handle(Command command, CancellationToken ct)
        {
            var report = new ImportReportBuilder();
            foreach (var rejected in command.Package.Rejected) report.Fail(rejected.File, rejected.Message, null);
            var zone = options.Value.Zone;
            var done = 0;
            foreach (var batch in command.Package.Posts.Chunk(BatchSize))
            {
                var posts = new List<(ImportEntry Entry, JekyllPost Post)>();
                foreach (var entry in batch)
                    if (await ReadAsync(entry, zone, report, ct) is { } post) posts.Add((entry, post));
                // The batch's existing posts come in one query (three statements with authors and tags), not one per post.
                var slugs = posts.Select(p => p.Post.Slug).Distinct().ToList();
                var existing = (await WithBylineAndTags().Where(p => slugs.Contains(p.Slug)).ToListAsync(ct)).ToDictionary(p => p.Slug);
                var existingSlugs = existing.Keys.ToHashSet();
                foreach (var (entry, post) in posts) await ImportAsync(command.Package, entry, post, existing, existingSlugs, report, ct);
                // The change tracker only ever holds one batch of posts, authors and tags.
                db.ForgetTracked();
                done += batch.Length;
                command.Progress?.Report(done);
            }
            if (done == 0) command.Progress?.Report(0);
            return report.Build();
        }

        private async Task<JekyllPost?> ReadAsync(ImportEntry entry, TimeZoneInfo zone, ImportReportBuilder report, CancellationToken ct)
        {
            try
            {
                return JekyllPost.Read(entry.Path, await ReadTextAsync(entry, ct), entry.InDrafts, zone);
            }
            catch (ImportFileException e)
            {
                report.Fail(entry.Path, $"{entry.Path}: {e.Message}", null);
                return null;
            }
        }

        private IQueryable<Post> WithBylineAndTags() =>
            db.Posts.Include(p => p.Authors).ThenInclude(a => a.Author).Include(p => p.Tags).ThenInclude(t => t.Tag);

        /// <param name="loaded">Posts of this batch loaded and still tracked; emptied when a failure clears the tracker.</param>
        /// <param name="existingSlugs">Slugs that have a post: one not in <paramref name="loaded"/> is loaded on its own.</param>
        private async Task ImportAsync(ImportPackage package, ImportEntry entry, JekyllPost post, Dictionary<string, Post> loaded,
            HashSet<string> existingSlugs, ImportReportBuilder report, CancellationToken ct)
        {
            try
            {
                var metadata = (JsonObject)post.Metadata.DeepClone();
                var imageId = post.Image is { } reference ? await images.ResolveAsync(package, entry, reference, report, ct) : null;
                if (imageId is not null) metadata.Remove("image");
                var input = new PostInput(post.Title, post.Slug, post.Excerpt, post.Body, post.Draft ? PostStatus.Draft : PostStatus.Published,
                    post.Date, await AuthorSlugsAsync(post.Authors, ct), post.Tags, post.Categories,
                    metadata.ToDictionary(m => m.Key, m => JsonSerializer.SerializeToElement(m.Value)), imageId);
                var invalid = _validator.Validate(input);
                if (!invalid.IsValid)
                {
                    report.Fail(entry.Path, $"{entry.Path}: {string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage).Distinct())}", post.Slug);
                    return;
                }
                var existing = loaded.GetValueOrDefault(post.Slug)
                    ?? (existingSlugs.Contains(post.Slug) ? await WithBylineAndTags().FirstOrDefaultAsync(p => p.Slug == post.Slug, ct) : null);
                if (existing is not null && ImportedPosts.Same(existing, input))
                {
                    report.Done(entry.Path, "unchanged", post.Slug);
                    return;
                }
                var now = clock.GetUtcNow();
                var target = existing ?? new Post("", now);
                await changes.ApplyAsync(target, input, isNew: existing is null, now, ct);
                if (existing is null) db.Posts.Add(target);
                Outbox.PostChanged(db, target, now);
                await db.SaveChangesAsync(ct);
                existingSlugs.Add(post.Slug);
                loaded[post.Slug] = target;
                report.Done(entry.Path, existing is null ? "created" : "updated", post.Slug);
            }
            catch (Exception e) when (e is ValidationException or ConflictException or DbUpdateException)
            {
                // Nothing of this post was saved; what it left in the change tracker must not ride along with the next one.
                db.ForgetTracked();
                loaded.Clear();
                var message = e is ValidationException v ? string.Join(" ", v.Errors.SelectMany(x => x.Value)) : e is DbUpdateException
                    ? "The database refused the post (a concurrent import or edit may have taken the same slug, tag or author); import the file again."
                    : e.Message;
                report.Fail(entry.Path, $"{entry.Path}: {message}", post.Slug);
            }
        }

        private async Task<string> ReadTextAsync(ImportEntry entry, CancellationToken ct)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var buffer = _buffer;
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length), ct)) > 0) length += read;
            if (length > MaxFileChars) throw new ImportFileException($"The file is longer than {MaxFileChars} characters.");
            return new string(buffer, 0, length);
        }

        /// <summary>Authors named by slug or name; an unknown one is created with the slug of its name.</summary>
        private async Task<List<string>> AuthorSlugsAsync(IReadOnlyList<string> names, CancellationToken ct)
        {
            var slugs = new List<string>();
            foreach (var name in names)
            {
                if (!_authorSlugs.TryGetValue(name, out var slug))
                {
                    var generated = Slugs.From(name, "author");
                    var lower = name.ToLowerInvariant();
                    slug = await db.Authors.AsNoTracking().Where(a => a.Slug == name || a.Slug == generated || a.Name.ToLower() == lower)
                        .OrderBy(a => a.Slug == name ? 0 : a.Slug == generated ? 1 : 2).Select(a => a.Slug).FirstOrDefaultAsync(ct);
                    if (slug is null)
                    {
                        if (name.Length > 200) throw new ValidationException("authors", $"The author name '{name[..40]}…' is longer than 200 characters.");
                        var author = new Author(generated, name, clock.GetUtcNow());
                        db.Authors.Add(author);
                        Outbox.AuthorChanged(db, WebhookEvents.AuthorCreated, author, author.CreatedAt);
                        await db.SaveChangesAsync(ct);
                        slug = generated;
                    }
                    _authorSlugs[name] = slug;
                }
                slugs.Add(slug);
            }
            return slugs;
        }
    }
}
