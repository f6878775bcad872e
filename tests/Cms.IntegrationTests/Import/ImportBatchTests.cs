using System.Net;
using Cms.Application.Import;
using Cms.Application.Webhooks;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cms.IntegrationTests.Import.ImportKit;

namespace Cms.IntegrationTests.Import;

/// <summary>The import writes a batch of posts per transaction; these tests look at what that must not change.</summary>
public sealed class ImportBatchTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Fact]
    public async Task Posts_across_more_than_one_batch_are_all_created_sharing_their_authors_and_tags_and_again_write_nothing()
    {
        var admin = api.Admin();
        var run = TestApi.Unique("batch");
        var count = ImportJekyll.Handler.BatchSize + 20;
        var authors = Enumerable.Range(0, 3).Select(i => $"{run} writer {i}").ToArray();
        var tags = Enumerable.Range(0, 5).Select(i => $"{run} topic {i}").ToArray();
        var files = Enumerable.Range(0, count).Select(i => Text($"_posts/2026-03-01-{run}-{i:000}.md",
            $"---\ntitle: Post {i}\nauthors: [{authors[i % 3]}]\ntags: [{tags[i % 5]}, {tags[(i + 1) % 5]}]\n---\nBody **{i}**\n")).ToArray();

        var report = await admin.ImportAsync(files).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((count, 0, 0), ((int)report["created"]!, (int)report["updated"]!, (int)report["unchanged"]!));
        Assert.Empty(report["failed"]!.AsArray());
        // In the order of the files, batch or not.
        Assert.Equal(files.Select(f => f.Item1), report["files"]!.AsArray().Select(f => (string)f!["file"]!));

        var stored = await api.WithDbAsync(db => db.Posts.AsNoTracking().Where(p => p.Slug.StartsWith(run))
            .Select(p => new { p.Slug, p.Html, Authors = p.Authors.Select(a => a.Author.Name).ToList(), Tags = p.Tags.OrderBy(t => t.Position).Select(t => t.Tag.Name).ToList() })
            .ToListAsync());
        Assert.Equal(count, stored.Count);
        foreach (var post in stored)
        {
            var i = int.Parse(post.Slug[^3..]);
            Assert.Equal([authors[i % 3]], post.Authors);
            Assert.Equal([tags[i % 5], tags[(i + 1) % 5]], post.Tags);
            Assert.Contains($"<strong>{i}</strong>", post.Html);
        }
        // Each author and tag was created once, and each post has its own webhook event.
        Assert.Equal(3, await api.WithDbAsync(db => db.Authors.CountAsync(a => a.Name.StartsWith(run))));
        Assert.Equal(5, await api.WithDbAsync(db => db.Tags.CountAsync(t => t.Name.StartsWith(run))));
        var ids = await api.WithDbAsync(db => db.Posts.Where(p => p.Slug.StartsWith(run)).Select(p => p.Id).ToListAsync());
        Assert.Equal(count, await api.WithDbAsync(db => db.OutboxEvents.CountAsync(e => ids.Contains(e.ResourceId) && e.Type == WebhookEvents.PostPublished)));

        var before = await WrittenAsync();
        var again = await admin.ImportAsync(files).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((0, 0, count), ((int)again["created"]!, (int)again["updated"]!, (int)again["unchanged"]!));
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task A_slug_and_new_authors_and_tags_met_again_in_the_next_batch_are_written_once_while_batches_save_side_by_side()
    {
        // Batch 2 is looked up while batch 1 may still be saving (on the other connection): it must still find
        // batch 1's post, author and tag, and update or reuse them rather than write them a second time.
        var admin = api.Admin();
        var run = TestApi.Unique("pair");
        var count = ImportJekyll.Handler.BatchSize + 10;
        var twice = ImportJekyll.Handler.BatchSize + 5;
        var files = Enumerable.Range(0, count).Select(i => Text($"_posts/2026-03-03-{run}-{i:000}.md", i switch
        {
            0 => $"---\ntitle: First\nslug: {run}-same\nauthors: [{run} early]\ntags: [{run} early]\n---\nOne\n",
            _ when i == twice => $"---\ntitle: Second\nslug: {run}-same\nauthors: [{run} early]\ntags: [{run} early]\n---\nTwo\n",
            _ when i > twice => $"---\ntitle: Late {i}\nauthors: [{run} late]\ntags: [{run} late, {run} early]\n---\nBody {i}\n",
            _ => $"---\ntitle: Post {i}\nauthors: [{run} early]\ntags: [{run} early]\n---\nBody {i}\n",
        })).ToArray();

        var report = await admin.ImportAsync(files).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((count - 1, 1, 0), ((int)report["created"]!, (int)report["updated"]!, (int)report["unchanged"]!));
        Assert.Empty(report["failed"]!.AsArray());
        var outcomes = report["files"]!.AsArray();
        Assert.Equal(files.Select(f => f.Item1), outcomes.Select(f => (string)f!["file"]!));
        Assert.Equal("updated", (string)outcomes[twice]!["outcome"]!);
        Assert.Equal("Second", await api.WithDbAsync(db => db.Posts.Where(p => p.Slug == run + "-same").Select(p => p.Title).SingleAsync()));
        foreach (var name in new[] { "early", "late" })
        {
            Assert.Equal(1, await api.WithDbAsync(db => db.Authors.CountAsync(a => a.Name == $"{run} {name}")));
            Assert.Equal(1, await api.WithDbAsync(db => db.Tags.CountAsync(t => t.Name == $"{run} {name}")));
        }
        Assert.Equal(4, await api.WithDbAsync(db => db.PostAuthors.CountAsync(pa => pa.Author.Name == $"{run} late")));
    }

    [Fact]
    public async Task An_invalid_post_and_a_post_the_database_refuses_in_one_batch_fail_alone_and_leave_no_rows()
    {
        var admin = api.Admin();
        var run = TestApi.Unique("mixed");
        var files = Enumerable.Range(0, 30).Select(i => i switch
        {
            7 => Text($"_posts/2026-03-02-{run}-{i:00}.md", $"---\ntitle: \"{new string('x', 301)}\"\nauthors: [{run} phantom]\ntags: [{run} bad]\n---\nToo long a title.\n"),
            // A new author whose only post is fine: created with it, when the batch's posts go one by one.
            3 => Text($"_posts/2026-03-02-{run}-{i:00}.md", $"---\ntitle: Fine {i}\nauthors: [{run} real]\ntags: [{run} shared]\n---\nBody {i}\n"),
            // Valid for the validator; PostgreSQL text cannot hold NUL, so the batch's save fails and its posts go one by one.
            19 => Text($"_posts/2026-03-02-{run}-{i:00}.md", $"---\ntitle: \"Nul\\0here\"\nauthors: [{run} ghost]\ntags: [{run} shared, {run} only-nul]\n---\nBody\n"),
            _ => Text($"_posts/2026-03-02-{run}-{i:00}.md", $"---\ntitle: Fine {i}\ntags: [{run} shared]\n---\nBody {i}\n"),
        }).ToArray();

        var report = await admin.ImportAsync(files).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(28, (int)report["created"]!);
        var failed = report["failed"]!.AsArray();
        Assert.Equal([files[7].Item1, files[19].Item1], failed.Select(f => (string)f!["file"]!));
        Assert.Contains("Title", (string)failed[0]!["message"]!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("refused", (string)failed[1]!["message"]!);
        Assert.Equal("failed", (string)report["files"]![19]!["outcome"]!);

        Assert.Equal(28, await api.WithDbAsync(db => db.Posts.CountAsync(p => p.Slug.StartsWith(run))));
        Assert.False(await api.WithDbAsync(db => db.Posts.AnyAsync(p => p.Slug.EndsWith("-07") || p.Slug.EndsWith("-19"))));
        // Nothing of the refused post: not its own tag, and every post row has its byline and tag rows.
        Assert.False(await api.WithDbAsync(db => db.Tags.AnyAsync(t => t.Name == $"{run} only-nul" || t.Name == $"{run} bad")));
        Assert.Equal(28, await api.WithDbAsync(db => db.PostTags.CountAsync(pt => db.Posts.Any(p => p.Id == pt.PostId && p.Slug.StartsWith(run)))));
        Assert.Equal(1, await api.WithDbAsync(db => db.Tags.CountAsync(t => t.Name == $"{run} shared")));
        // Nor the new authors of the failed posts (one refused by the database, one by the validator); the good post's is there, with its event.
        Assert.False(await api.WithDbAsync(db => db.Authors.AnyAsync(a => a.Name == $"{run} ghost" || a.Name == $"{run} phantom")));
        var real = await api.WithDbAsync(db => db.Authors.SingleAsync(a => a.Name == $"{run} real"));
        Assert.True(await api.WithDbAsync(db => db.PostAuthors.AnyAsync(pa => pa.AuthorId == real.Id && db.Posts.Any(p => p.Id == pa.PostId && p.Slug == run + "-03"))));
        Assert.Equal(1, await api.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.ResourceId == real.Id && e.Type == WebhookEvents.AuthorCreated)));
    }

    [Fact]
    public async Task Two_files_with_the_same_slug_in_one_batch_create_the_post_then_update_it()
    {
        var admin = api.Admin();
        var slug = TestApi.Unique("twice");
        var report = await admin.ImportAsync(
            Text($"_posts/2026-03-03-{slug}.md", "---\ntitle: First\n---\nOne\n"),
            Text($"_drafts/{slug}.md", "---\ntitle: Second\n---\nTwo\n")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["created", "updated"], report["files"]!.AsArray().Select(f => (string)f!["outcome"]!));
        var post = await admin.GetAsync($"/api/v1/posts/slug/{slug}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Second", (string)post["title"]!);
    }

    /// <summary>What any write would change: the content version, the outbox and every post's version.</summary>
    private Task<string> WrittenAsync() => api.WithDbAsync(async db =>
        string.Join(",", await db.Database.SqlQuery<long>($"SELECT value AS \"Value\" FROM content_version").ToListAsync())
        + "|" + await db.OutboxEvents.CountAsync()
        + "|" + string.Join(",", await db.Posts.OrderBy(p => p.Id).Select(p => p.Version).ToListAsync()));
}
