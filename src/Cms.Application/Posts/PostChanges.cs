using Cms.Application.Webhooks;
using System.Text.Json;
using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Posts;

/// <summary>Applies validated <see cref="PostInput"/> to a post: the one write path of create, update and patch.</summary>
public sealed class PostChanges(ICmsDb db, IMarkdownRenderer markdown)
{
    public async Task ApplyAsync(Post post, PostInput input, bool isNew, DateTimeOffset now, CancellationToken ct)
    {
        await SetSlugAsync(post, input, isNew, ct);
        var body = input.Body ?? "";
        post.SetContent(input.Title.Trim(), input.Excerpt, body, markdown.ToSafeHtml(body));
        SetStatus(post, input, now);
        post.SetAuthors(await ResolveAuthorsAsync(input.Authors ?? [], ct));
        post.SetTags(await ResolveTagsAsync(input.Tags ?? [], now, ct));
        post.SetCategories(input.Categories ?? [], name => Slugs.From(name, "uncategorized"));
        post.SetFeatureImage(await Images.ImageIds.ResolveAsync(db, input.FeatureImageId, "featureImageId", ct));
        post.SetMetadata(JsonSerializer.Serialize(input.Metadata ?? new Dictionary<string, JsonElement>(), CmsJson.Options));
        post.Touch(now);
    }

    private async Task SetSlugAsync(Post post, PostInput input, bool isNew, CancellationToken ct)
    {
        if (input.Slug is { } explicitSlug)
        {
            if (explicitSlug == post.Slug && !isNew) return;
            if (await db.Posts.AnyAsync(p => p.Slug == explicitSlug && p.Id != post.Id, ct))
                throw new ConflictException($"The slug '{explicitSlug}' is already taken by another post.", "slug");
            post.SetSlug(explicitSlug);
            return;
        }
        if (!isNew) return;
        var stem = Slugs.From(input.Title, "post");
        post.SetSlug(await UniqueSlugs.FirstFreeAsync(stem,
            s => db.Posts.Where(p => p.Slug == s || p.Slug.StartsWith(s + "-")).Select(p => p.Slug), ct));
    }

    private static void SetStatus(Post post, PostInput input, DateTimeOffset now)
    {
        switch (input.Status ?? PostStatus.Draft)
        {
            case PostStatus.Draft:
                post.Unpublish(input.PublishedAt);
                break;
            default:
                post.Publish(input.PublishedAt ?? (post.Status == PostStatus.Published ? post.PublishedAt : null) ?? now);
                break;
        }
    }

    private async Task<List<Author>> ResolveAuthorsAsync(IReadOnlyList<string> slugs, CancellationToken ct)
    {
        if (slugs.Count == 0) return [];
        var found = await db.Authors.Where(a => slugs.Contains(a.Slug)).ToListAsync(ct);
        var unknown = slugs.Where(s => found.All(a => a.Slug != s)).Distinct().ToList();
        if (unknown.Count > 0)
            throw new ValidationException("authors", $"Unknown author slug(s): {string.Join(", ", unknown)}. Create the author first.");
        return [.. slugs.Select(s => found.First(a => a.Slug == s))];
    }

    /// <summary>Tags named by slug or by name; a name that matches no tag creates one.</summary>
    private async Task<List<Tag>> ResolveTagsAsync(IReadOnlyList<string> values, DateTimeOffset now, CancellationToken ct)
    {
        if (values.Count == 0) return [];
        var wanted = values.Select(v => (Name: v.Trim(), Slug: Slugs.From(v, "tag"))).ToList();
        var slugs = wanted.Select(w => w.Slug).Distinct().ToList();
        var names = wanted.Select(w => w.Name.ToLowerInvariant()).Distinct().ToList();
        var exact = wanted.Select(w => w.Name).Distinct().ToList();
        var found = await db.Tags.Where(t => slugs.Contains(t.Slug) || exact.Contains(t.Slug) || names.Contains(t.Name.ToLower())).ToListAsync(ct);
        var tags = new List<Tag>();
        foreach (var (name, slug) in wanted)
        {
            // A value that is a tag's slug names that tag; else a tag's current name (a renamed tag
            // keeps its old slug); else the slug the value would get.
            var tag = found.Find(t => t.Slug == name)
                ?? found.Find(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? found.Find(t => t.Slug == slug);
            if (tag is null)
            {
                tag = new Tag(slug, name, now);
                db.Tags.Add(tag);
                Outbox.TagChanged(db, WebhookEvents.TagCreated, tag, now);
                found.Add(tag);
            }
            tags.Add(tag);
        }
        return tags;
    }
}
