using System.Globalization;
using System.Linq.Expressions;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Tags;

/// <summary>A tag as the API returns it.</summary>
/// <param name="PostCount">Posts with this tag that the caller can see (published ones for readers).</param>
/// <param name="Version">The row version, the same value as the ETag header.</param>
public sealed record TagResponse(
    Guid Id, string Slug, string Name, string? Description, int PostCount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Version);

public sealed class TagRow
{
    public Guid Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public int PostCount { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public uint Version { get; init; }

    public TagResponse ToResponse() => new(Id, Slug, Name, Description, PostCount, CreatedAt, UpdatedAt,
        Version.ToString(CultureInfo.InvariantCulture));
}

public static class TagQueries
{
    public static IQueryable<TagRow> Rows(ICmsDb db, bool includeUnpublished, DateTimeOffset now, IQueryable<Tag>? source = null) =>
        (source ?? db.Tags).AsNoTracking().Select(ToRow(db, includeUnpublished, now));

    private static Expression<Func<Tag, TagRow>> ToRow(ICmsDb db, bool includeUnpublished, DateTimeOffset now) => t => new TagRow
    {
        Id = t.Id,
        Slug = t.Slug,
        Name = t.Name,
        Description = t.Description,
        PostCount = db.PostTags.Count(pt => pt.TagId == t.Id
            && (includeUnpublished || db.Posts.Any(p => p.Id == pt.PostId && p.Status == PostStatus.Published && p.PublishedAt <= now))),
        CreatedAt = t.CreatedAt,
        UpdatedAt = t.UpdatedAt,
        Version = t.Version,
    };
}
