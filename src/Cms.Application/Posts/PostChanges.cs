using Cms.Application.Webhooks;
using System.Text.Json;
using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Posts;

/// <summary>Applies validated <see cref="PostInput"/> to a post: the one write path of create, update and patch.</summary>
public sealed class PostChanges(ICmsDb db, IMarkdownRenderer markdown, UnseenPostWrites unseen)
{
    public async Task ApplyAsync(Post post, PostInput input, bool isNew, DateTimeOffset now, CancellationToken ct)
    {
        var visibleBefore = !isNew && post.IsVisibleToReadersAt(now);
        await SetSlugAsync(post, input, isNew, ct);
        var authors = await ResolveAuthorsAsync(input.Authors ?? [], ct);
        var tags = input.Tags is { Count: > 0 } values ? (await TagLookup.LoadAsync(db, values, ct)).Resolve(values, now) : [];
        var imageId = await Images.ImageIds.ResolveAsync(db, input.FeatureImageId, "featureImageId", ct);
        Apply(post, input, markdown.ToSafeHtml(input.Body ?? ""), authors, tags, imageId, now);
        unseen.Record(post.Id, visibleBefore, post);
    }

    /// <summary>
    /// The write itself, once everything is looked up: an import resolves the authors, tags and
    /// slugs of a whole batch in a few queries and renders the bodies in parallel, then calls this.
    /// The slug must be free and the feature image must exist (the caller has checked).
    /// </summary>
    public static void Apply(Post post, PostInput input, string html, IReadOnlyList<Author> authors, IReadOnlyList<Tag> tags,
        Guid? featureImageId, DateTimeOffset now)
    {
        if (input.Slug is { } slug && slug != post.Slug) post.SetSlug(slug);
        post.SetContent(input.Title.Trim(), input.Excerpt, input.Body ?? "", html);
        SetStatus(post, input, now);
        post.SetAuthors(authors);
        post.SetTags(tags);
        post.SetCategories(input.Categories ?? [], name => Slugs.From(name, "uncategorized"));
        post.SetFeatureImage(featureImageId);
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
            candidates => db.Posts.Where(p => candidates.Contains(p.Slug)).Select(p => p.Slug), ct));
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
        // An import creates a post's new authors in the post's own transaction: tracked, not saved yet.
        found.AddRange(db.Authors.Local.Where(a => slugs.Contains(a.Slug) && !found.Contains(a)));
        var unknown = slugs.Where(s => found.All(a => a.Slug != s)).Distinct().ToList();
        if (unknown.Count > 0)
            throw new ValidationException("authors", $"Unknown author slug(s): {string.Join(", ", unknown)}. Create the author first.");
        return [.. slugs.Select(s => found.First(a => a.Slug == s))];
    }
}
