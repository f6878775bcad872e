using System.Text.Json;
using Cms.Application.Common;
using Cms.Application.Posts;
using Cms.Domain;

namespace Cms.Application.Import;

public static class ImportedPosts
{
    /// <summary>True when writing <paramref name="input"/> would leave <paramref name="post"/> as it is: an import then writes nothing.</summary>
    public static bool Same(Post post, PostInput input)
    {
        var status = input.Status ?? PostStatus.Draft;
        var publishedAt = input.PublishedAt ?? (status == PostStatus.Published ? post.PublishedAt : null);
        var categories = new Post("", DateTimeOffset.UnixEpoch);
        categories.SetCategories(input.Categories ?? [], name => Slugs.From(name, "uncategorized"));
        var tags = (input.Tags ?? []).Select(t => t.Trim()).DistinctBy(t => Slugs.From(t, "tag")).ToList();
        var postTags = post.Tags.OrderBy(t => t.Position).Select(t => t.Tag).ToList();
        return post.Title == input.Title.Trim()
            && post.Excerpt == input.Excerpt
            && post.Body == (input.Body ?? "")
            && post.Status == status
            && post.PublishedAt == publishedAt
            && post.Authors.OrderBy(a => a.Position).Select(a => a.Author.Slug).SequenceEqual((input.Authors ?? []).Distinct())
            && postTags.Count == tags.Count
            && postTags.Zip(tags).All(p => p.First.Slug == p.Second || string.Equals(p.First.Name, p.Second, StringComparison.OrdinalIgnoreCase)
                || p.First.Slug == Slugs.From(p.Second, "tag"))
            && post.Categories.SequenceEqual(categories.Categories)
            && post.Metadata == JsonSerializer.Serialize(input.Metadata ?? new Dictionary<string, JsonElement>(), CmsJson.Options)
            && post.FeatureImageId == input.FeatureImageId;
    }
}
