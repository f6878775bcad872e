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
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cms.Application.Import;

public static class ImportJekyll
{
    /// <param name="Progress">Told how many post files are done (the command line prints it).</param>
    public sealed record Command(ImportPackage Package, IProgress<int>? Progress = null) : ICommand<ImportReport>;

    /// <summary>
    /// Posts go in batches: the files of a batch are read, parsed and rendered (in parallel), their
    /// authors, tags and existing posts (by slug) looked up in a few queries, and the changed posts
    /// saved in one transaction with their webhook events (and the new tags and authors they name).
    /// Batches alternate between two units of work, so one is looked up and sent while PostgreSQL
    /// still saves the one before. When a save fails the batch is rolled back whole and each of its
    /// posts goes again in a transaction of its own through <see cref="PostChanges.ApplyAsync"/>, the
    /// write path of the API, so only a bad post fails. A file that fails is reported and the others
    /// go on; one that matches its post is not written.
    /// </summary>
    public sealed class Handler(ICmsDb db, PostChanges changes, PostImages images, IMarkdownRenderer markdown, TimeProvider clock,
        IOptions<ImportOptions> options, IServiceScopeFactory scopes)
        : ICommandHandler<Command, ImportReport>
    {
        /// <summary>Most characters read from one post file: a body may have a million, plus the front matter.</summary>
        private const int MaxFileChars = 1_100_000;

        /// <summary>
        /// Posts per transaction: large enough that commits and round trips stop counting, small enough
        /// that a batch's texts and tracked entities stay a few megabytes whatever the size of the site.
        /// </summary>
        public const int BatchSize = 250;

        private static readonly ParallelOptions Parallel = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

        private readonly Dictionary<string, string> _authorSlugs = new(StringComparer.OrdinalIgnoreCase);
        /// <summary>Authors this import names that did not exist when first named: slug, name.</summary>
        private readonly Dictionary<string, string> _newAuthors = new(StringComparer.Ordinal);
        // Building a validator compiles its rules, and the read buffer is 2 MB: once per import, not once per post.
        private readonly PostInputValidator _validator = new(clock);
        private readonly char[] _buffer = new char[MaxFileChars + 1];

        /// <summary>The batch after the current one, and its preparation when it started while the current one was saved.</summary>
        private ImportEntry[]? _following;
        private Task<Prepared>? _ahead;

        public async ValueTask<ImportReport> Handle(Command command, CancellationToken ct)
        {
            var report = new ImportReportBuilder();
            foreach (var rejected in command.Package.Rejected) report.Fail(rejected.File, rejected.Message, null);
            var batches = command.Package.Posts.Chunk(BatchSize).ToList();
            // Two units of work, two connections: while PostgreSQL saves one batch (the search vectors of
            // its bodies are most of an import's time) the other is looked up and sent, so that both
            // cores of the server work. Each batch stays one transaction; the first unit is the one the
            // API's write path (PostChanges, images, authors) uses, and the fallbacks go through it.
            await using var scope = scopes.CreateAsyncScope();
            ICmsDb[] units = [db, scope.ServiceProvider.GetRequiredService<ICmsDb>()];
            var state = new Run(command, report);
            try
            {
                for (var b = 0; b < batches.Count; b++)
                {
                    var unit = units[b % units.Length];
                    // That unit's previous batch is finished (reported, forgotten) before it takes this one.
                    while (state.Pending.Any(p => p.Db == unit)) await FinishAsync(state, units, ct);
                    var prepared = _ahead is { } ahead ? await ahead : await PrepareAsync(batches[b], ct);
                    _ahead = null;
                    _following = b + 1 < batches.Count ? batches[b + 1] : null;
                    state.Pending.Enqueue(await StartBatchAsync(unit, state, units, prepared, ct));
                }
                while (state.Pending.Count > 0) await FinishAsync(state, units, ct);
            }
            finally
            {
                // Never leave a read of the package running after the import (the caller disposes the package),
                // nor a save on a unit of work that is about to go back to its pool.
                if (_ahead is { } pending) await ((Task)pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                foreach (var batch in state.Pending) await ((Task)batch.Save).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            if (state.Done == 0) command.Progress?.Report(0);
            return report.Build();
        }

        /// <summary>One import's batches that were sent but not yet reported, oldest first.</summary>
        private sealed class Run(Command command, ImportReportBuilder report)
        {
            public Command Command { get; } = command;
            public ImportReportBuilder Report { get; } = report;
            public Queue<Sent> Pending { get; } = new();
            public int Done { get; set; }
        }

        /// <summary>A batch whose posts are being saved on <see cref="Db"/>; <see cref="Save"/> is false when that save failed.</summary>
        private sealed record Sent(ICmsDb Db, ImportEntry[] Batch, Outcome?[] Outcomes, List<Item> Writes, List<Item> Later, Task<bool> Save)
        {
            public HashSet<string> Slugs { get; } = [.. Writes.Select(w => w.Post.Slug)];
        }

        /// <summary>Waits for the oldest sent batch, goes again post by post when its save failed, and reports its files.</summary>
        private async Task FinishAsync(Run state, ICmsDb[] units, CancellationToken ct)
        {
            var sent = state.Pending.Dequeue();
            var saved = await sent.Save;
            if (!saved || sent.Later.Count > 0)
            {
                // The posts go again through the first unit: whatever either unit still saves must be done, and
                // what they track (a failed batch's entities, a saved one's) must not ride along with these saves.
                foreach (var other in state.Pending) await ((Task)other.Save).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                foreach (var unit in units) unit.ForgetTracked();
                // The batch was rolled back whole: each post again, in its own transaction, so that only a bad one fails.
                if (!saved) foreach (var item in sent.Writes) sent.Outcomes[item.Index] = await ImportOneAsync(item, ct);
                foreach (var item in sent.Later) sent.Outcomes[item.Index] = await ImportOneAsync(item, ct);
            }
            // In the order of the files, whatever order the batch wrote them in.
            for (var i = 0; i < sent.Batch.Length; i++)
            {
                var (outcome, slug, message) = sent.Outcomes[i]!;
                if (message is not null) state.Report.Fail(sent.Batch[i].Path, $"{sent.Batch[i].Path}: {message}", slug);
                else state.Report.Done(sent.Batch[i].Path, outcome, slug!);
            }
            // The change tracker only ever holds one batch of posts, authors and tags.
            sent.Db.ForgetTracked();
            state.Done += sent.Batch.Length;
            state.Command.Progress?.Report(state.Done);
        }

        /// <summary>Every sent batch finished: before the first unit creates an author or an image, or a batch needs what another one writes.</summary>
        private async Task FinishAllAsync(Run state, ICmsDb[] units, CancellationToken ct)
        {
            while (state.Pending.Count > 0) await FinishAsync(state, units, ct);
        }

        /// <summary>A batch's files read and parsed; <see cref="Html"/> is set when the bodies were rendered ahead.</summary>
        private sealed record Prepared(ImportEntry[] Batch, Outcome?[] Outcomes, JekyllPost?[] Parsed)
        {
            public string?[]? Html { get; set; }
        }

        /// <summary>Reads one file after another (the entries of a zip cannot be read at the same time) and parses them in parallel.</summary>
        private async Task<Prepared> PrepareAsync(ImportEntry[] batch, CancellationToken ct)
        {
            var outcomes = new Outcome?[batch.Length];
            var texts = new string?[batch.Length];
            for (var i = 0; i < batch.Length; i++)
            {
                try
                {
                    texts[i] = await ReadTextAsync(batch[i], ct);
                }
                catch (ImportFileException e)
                {
                    outcomes[i] = Outcome.Failed(null, e.Message);
                }
            }
            var zone = options.Value.Zone;
            var parsed = new JekyllPost?[batch.Length];
            System.Threading.Tasks.Parallel.For(0, batch.Length, Parallel, i =>
            {
                if (texts[i] is not { } text) return;
                try
                {
                    parsed[i] = JekyllPost.Read(batch[i].Path, text, batch[i].InDrafts, zone);
                }
                catch (ImportFileException e)
                {
                    outcomes[i] = Outcome.Failed(null, e.Message);
                }
            });
            return new Prepared(batch, outcomes, parsed);
        }

        /// <summary>
        /// The next batch, read, parsed and rendered while the database saves the current one: its
        /// search vectors and indexes keep PostgreSQL busy, and the CPU would otherwise wait. Only
        /// then: when nothing is saved (a re-import) no body is rendered that may never be written.
        /// </summary>
        private void PrepareFollowing(CancellationToken ct)
        {
            if (_following is not { } batch || _ahead is not null) return;
            _ahead = Task.Run(async () =>
            {
                var prepared = await PrepareAsync(batch, ct);
                var html = new string?[batch.Length];
                System.Threading.Tasks.Parallel.For(0, batch.Length, Parallel, i =>
                {
                    if (prepared.Parsed[i] is { } post) html[i] = markdown.ToSafeHtml(post.Body);
                });
                prepared.Html = html;
                return prepared;
            }, ct);
        }

        /// <summary>What became of one file: created, updated, unchanged, or failed with a message.</summary>
        private sealed record Outcome(string Kind, string? Slug, string? Message = null)
        {
            public static Outcome Failed(string? slug, string message) => new("failed", slug, message);
        }

        /// <summary>A file that was read into a valid input, and the post it changes (if it exists).</summary>
        private sealed record Item(int Index, ImportEntry Entry, JekyllPost Post, PostInput Input)
        {
            public Post? Existing { get; set; }
        }

        /// <summary>
        /// Turns a prepared batch into inputs, looks up its existing posts, authors and tags on <paramref name="unit"/>,
        /// and starts saving the changed posts there; the other unit may still be saving the batch before.
        /// </summary>
        private async Task<Sent> StartBatchAsync(ICmsDb unit, Run state, ICmsDb[] units, Prepared prepared, CancellationToken ct)
        {
            var (batch, outcomes, parsed) = prepared;

            // Inputs one by one: an image is added to the library on first sight, an unknown author is only named
            // (it is created with the first post of it that is saved, in that post's transaction).
            var items = new List<Item>();
            for (var i = 0; i < batch.Length; i++)
            {
                if (parsed[i] is not { } post) continue;
                try
                {
                    var input = await InputAsync(state, units, batch[i], post, ct);
                    var invalid = _validator.Validate(input);
                    if (invalid.IsValid) items.Add(new Item(i, batch[i], post, input));
                    else outcomes[i] = Outcome.Failed(post.Slug, string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage).Distinct()));
                }
                catch (Exception e) when (e is ValidationException or ConflictException or DbUpdateException)
                {
                    db.ForgetTracked();
                    outcomes[i] = Outcome.Failed(post.Slug, Message(e));
                }
            }

            // A post that the batch still being saved writes too is looked up once that save is done: this one then updates it.
            if (state.Pending.Any(p => items.Any(i => p.Slugs.Contains(i.Post.Slug)))) await FinishAllAsync(state, units, ct);
            // The batch's authors and tags in one query each. One that does not exist yet may be created by the batch
            // still being saved: once that save is done this batch finds it. (Before anything else is loaded: finishing
            // a batch may clear what the units track.)
            var authorSlugs = items.SelectMany(w => w.Input.Authors ?? []).Distinct().ToList();
            var tagValues = items.SelectMany(w => w.Input.Tags ?? []).ToList();
            var authors = await unit.Authors.Where(a => authorSlugs.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, ct);
            var tags = await TagLookup.LoadAsync(unit, tagValues, ct);
            if (state.Pending.Count > 0 && (authors.Count < authorSlugs.Count || !tags.HasAll(tagValues)))
            {
                await FinishAllAsync(state, units, ct);
                authors = await unit.Authors.Where(a => authorSlugs.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, ct);
                tags = await TagLookup.LoadAsync(unit, tagValues, ct);
            }
            // The batch's existing posts come in one query (three statements with authors and tags), not one per post.
            var slugs = items.Select(p => p.Post.Slug).Distinct().ToList();
            var existing = (await WithBylineAndTags(unit).Where(p => slugs.Contains(p.Slug)).ToListAsync(ct)).ToDictionary(p => p.Slug);
            var writes = new List<Item>();
            // A second file with a slug already written in this batch goes after the batch, on its own,
            // where it finds the first one's post.
            var later = new List<Item>();
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                item.Existing = existing.GetValueOrDefault(item.Post.Slug);
                if (written.Contains(item.Post.Slug)) later.Add(item);
                else if (item.Existing is not null && ImportedPosts.Same(item.Existing, item.Input))
                    outcomes[item.Index] = new Outcome("unchanged", item.Post.Slug);
                else
                {
                    writes.Add(item);
                    written.Add(item.Post.Slug);
                }
            }
            var save = writes.Count > 0 ? WriteBatch(unit, writes, outcomes, prepared.Html, authors, tags, ct) : Task.FromResult(true);
            return new Sent(unit, batch, outcomes, writes, later, save);
        }

        /// <summary>Renders the bodies in parallel, then starts saving every post of <paramref name="writes"/> in one transaction.</summary>
        /// <returns>The save: false when it failed and nothing of the batch was written.</returns>
        private Task<bool> WriteBatch(ICmsDb unit, List<Item> writes, Outcome?[] outcomes, string?[]? rendered,
            Dictionary<string, Author> authors, TagLookup tags, CancellationToken ct)
        {
            var html = new string[writes.Count];
            System.Threading.Tasks.Parallel.For(0, writes.Count, Parallel,
                k => html[k] = rendered?[writes[k].Index] ?? markdown.ToSafeHtml(writes[k].Input.Body ?? ""));

            for (var k = 0; k < writes.Count; k++)
            {
                var (item, input) = (writes[k], writes[k].Input);
                AddNewAuthors(unit, input.Authors ?? [], authors);
                var unknown = (input.Authors ?? []).Where(a => !authors.ContainsKey(a)).Distinct().ToList();
                if (unknown.Count > 0)
                {
                    // The authors were found a moment ago: only a concurrent delete gets here.
                    outcomes[item.Index] = Outcome.Failed(item.Post.Slug, $"Unknown author slug(s): {string.Join(", ", unknown)}. Create the author first.");
                    continue;
                }
                var now = clock.GetUtcNow();
                var target = item.Existing ?? new Post("", now);
                PostChanges.Apply(target, input, html[k], [.. (input.Authors ?? []).Select(a => authors[a])], tags.Resolve(input.Tags ?? [], now),
                    input.FeatureImageId, now);
                if (item.Existing is null) unit.Posts.Add(target);
                Outbox.PostChanged(unit, target, now);
                outcomes[item.Index] = new Outcome(item.Existing is null ? "created" : "updated", item.Post.Slug);
            }
            PrepareFollowing(ct);
            return SaveAsync(unit, ct);
        }

        private static async Task<bool> SaveAsync(ICmsDb unit, CancellationToken ct)
        {
            try
            {
                await unit.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        }

        private static IQueryable<Post> WithBylineAndTags(ICmsDb unit) =>
            unit.Posts.Include(p => p.Authors).ThenInclude(a => a.Author).Include(p => p.Tags).ThenInclude(t => t.Tag);

        /// <summary>The post's input: authors by slug (created when new), the front-matter image as an image of the library.</summary>
        private async Task<PostInput> InputAsync(Run state, ICmsDb[] units, ImportEntry entry, JekyllPost post, CancellationToken ct)
        {
            var metadata = (JsonObject)post.Metadata.DeepClone();
            Guid? imageId = null;
            if (post.Image is { } reference)
            {
                // The image library saves on the first unit: nothing else may be saving there, nor be left unsaved.
                await FinishAllAsync(state, units, ct);
                imageId = await images.ResolveAsync(state.Command.Package, entry, reference, state.Report, ct);
            }
            if (imageId is not null) metadata.Remove("image");
            return new PostInput(post.Title, post.Slug, post.Excerpt, post.Body, post.Draft ? PostStatus.Draft : PostStatus.Published,
                post.Date, await AuthorSlugsAsync(state, units, post.Authors, ct), post.Tags, post.Categories,
                metadata.ToDictionary(m => m.Key, m => JsonSerializer.SerializeToElement(m.Value)), imageId);
        }

        /// <summary>One post in its own transaction, through the API's write path (and its lookups).</summary>
        private async Task<Outcome> ImportOneAsync(Item item, CancellationToken ct)
        {
            var (post, input) = (item.Post, item.Input);
            try
            {
                var existing = await WithBylineAndTags(db).FirstOrDefaultAsync(p => p.Slug == post.Slug, ct);
                if (existing is not null && ImportedPosts.Same(existing, input)) return new Outcome("unchanged", post.Slug);
                var now = clock.GetUtcNow();
                var target = existing ?? new Post("", now);
                // Its new authors are created with it, in its transaction (tracked here, found there by the write path).
                var authorSlugs = (input.Authors ?? []).Distinct().ToList();
                AddNewAuthors(db, authorSlugs, await db.Authors.Where(a => authorSlugs.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, ct));
                await changes.ApplyAsync(target, input, isNew: existing is null, now, ct);
                if (existing is null) db.Posts.Add(target);
                Outbox.PostChanged(db, target, now);
                await db.SaveChangesAsync(ct);
                return new Outcome(existing is null ? "created" : "updated", post.Slug);
            }
            catch (Exception e) when (e is ValidationException or ConflictException or DbUpdateException)
            {
                // Nothing of this post was saved; what it left in the change tracker must not ride along with the next one.
                db.ForgetTracked();
                return Outcome.Failed(post.Slug, Message(e));
            }
        }

        private static string Message(Exception e) => e switch
        {
            ValidationException v => string.Join(" ", v.Errors.SelectMany(x => x.Value)),
            DbUpdateException => "The database refused the post (a concurrent import or edit may have taken the same slug, tag or author); import the file again.",
            _ => e.Message,
        };

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

        /// <summary>
        /// Creates, tracked on <paramref name="unit"/> with their events, the authors of <paramref name="slugs"/> that
        /// this import named for the first time and that <paramref name="found"/> (the database) does not have yet.
        /// </summary>
        private void AddNewAuthors(ICmsDb unit, IEnumerable<string> slugs, Dictionary<string, Author> found)
        {
            foreach (var slug in slugs)
            {
                if (found.ContainsKey(slug) || !_newAuthors.TryGetValue(slug, out var name)) continue;
                var author = new Author(slug, name, clock.GetUtcNow());
                unit.Authors.Add(author);
                Outbox.AuthorChanged(unit, WebhookEvents.AuthorCreated, author, author.CreatedAt);
                found[slug] = author;
            }
        }

        /// <summary>Authors named by slug or name; an unknown one gets the slug of its name, and is created with its first saved post.</summary>
        private async Task<List<string>> AuthorSlugsAsync(Run state, ICmsDb[] units, IReadOnlyList<string> names, CancellationToken ct)
        {
            var slugs = new List<string>();
            foreach (var name in names)
            {
                if (!_authorSlugs.TryGetValue(name, out var slug))
                {
                    // Looked up, and maybe created, on the first unit: nothing else may be saving there.
                    await FinishAllAsync(state, units, ct);
                    var generated = Slugs.From(name, "author");
                    var lower = name.ToLowerInvariant();
                    slug = await db.Authors.AsNoTracking().Where(a => a.Slug == name || a.Slug == generated || a.Name.ToLower() == lower)
                        .OrderBy(a => a.Slug == name ? 0 : a.Slug == generated ? 1 : 2).Select(a => a.Slug).FirstOrDefaultAsync(ct);
                    if (slug is null)
                    {
                        if (name.Length > 200) throw new ValidationException("authors", $"The author name '{name[..40]}…' is longer than 200 characters.");
                        // Not created here: a post that then fails must not leave its author behind. The first post of
                        // this author that is saved creates it (AddNewAuthors); two names with one slug are one author.
                        _newAuthors.TryAdd(generated, name);
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
