using System.Net;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Webhooks;

/// <summary>Events are written with the change they describe, in one transaction, whether or not anything delivers them.</summary>
public sealed class OutboxTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    [Fact]
    public async Task A_write_the_database_refuses_leaves_no_event()
    {
        await api.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "ALTER TABLE tags ADD CONSTRAINT ck_test_refused CHECK (name <> 'Refused by the database')"));
        var response = await _admin.PostJsonAsync("/api/v1/tags", new { name = "Refused by the database" });
        Assert.False(response.IsSuccessStatusCode);

        var tags = await api.WithDbAsync(db => db.Tags.CountAsync(t => t.Name == "Refused by the database"));
        var events = await api.WithDbAsync(db => db.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM outbox_events WHERE payload->>'name' = 'Refused by the database'").SingleAsync());
        Assert.Equal(0, tags);
        Assert.Equal(0, events);

        var accepted = await _admin.PostJsonAsync("/api/v1/tags", new { name = "Accepted by the database" }).ExpectAsync(HttpStatusCode.Created);
        var written = await api.WithDbAsync(db => db.OutboxEvents.SingleAsync(e => e.ResourceId == Guid.Parse((string)accepted["id"]!)));
        Assert.Equal("tag.created", written.Type);
    }

    [Fact]
    public async Task A_post_s_changes_are_recorded_as_published_updated_unpublished_and_deleted()
    {
        // Event ids are UUID v7: the clock moves between the writes so that their order is the ids' order.
        var id = (string)(await _admin.CreatePostAsync(new { title = "Recorded", status = "published" }))["id"]!;
        await StepAsync(new { title = "Recorded again" });
        await StepAsync(new { publishedAt = api.Clock.GetUtcNow().AddDays(1) });
        await StepAsync(new { publishedAt = api.Clock.GetUtcNow().AddDays(-1) });
        await StepAsync(new { status = "draft" });
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        await _admin.DeleteAsync($"/api/v1/posts/{id}", null);

        var types = await api.WithDbAsync(db => db.OutboxEvents.Where(e => e.ResourceId == Guid.Parse(id)).OrderBy(e => e.Id).Select(e => e.Type).ToListAsync());
        Assert.Equal(["post.published", "post.updated", "post.unpublished", "post.published", "post.unpublished", "post.deleted"], types);

        async Task StepAsync(object patch)
        {
            api.Clock.Advance(TimeSpan.FromSeconds(1));
            await _admin.PatchMergeAsync($"/api/v1/posts/{id}", patch).ExpectAsync(HttpStatusCode.OK);
        }
    }
}
