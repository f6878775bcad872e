using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Cms.Application.Common;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using static Cms.Application.Common.Projection;

namespace Cms.Application.Tags;

/// <summary>A tag as the API returns it. With <c>fields=</c>, only the fields asked for are present.</summary>
public sealed record TagResponse : ISparseResponse
{
    public Guid Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    /// <summary>Posts with this tag that the caller can see (published ones for readers).</summary>
    public int PostCount { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The same value as the ETag header: the row version, followed by "." and postCount when postCount is present.</summary>
    public string Version { get; init; } = "";

    [JsonIgnore]
    public IReadOnlySet<string>? Fields { get; init; }
}

public sealed class TagRow
{
    public Guid Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int PostCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public TagResponse ToResponse(IReadOnlySet<string> fields) => new()
    {
        Id = Id, Slug = Slug, Name = Name, Description = Description, PostCount = PostCount,
        CreatedAt = CreatedAt, UpdatedAt = UpdatedAt, Version = CountedVersion.Of(Version, PostCount, fields), Fields = fields,
    };
}

/// <summary>The fields a tag can be asked for, and the SQL each one costs.</summary>
public static class TagFields
{
    public static readonly string[] All = ["id", "slug", "name", "description", "postCount", "createdAt", "updatedAt", "version"];

    public static IReadOnlySet<string>? Parse(string? fields) => SparseFields.Parse(fields, All, All.ToHashSet());

    public static IQueryable<TagRow> Rows(IQueryable<Tag> tags, ICmsDb db, IReadOnlySet<string> fields, bool isAdmin, DateTimeOffset now)
    {
        // The version is the ETag: read whatever the fields.
        var bindings = new List<KeyValuePair<string, LambdaExpression>> { Bind<Tag, Guid>("Id", t => t.Id), Bind<Tag, uint>("Version", t => t.Version) };
        foreach (var field in fields)
        {
            switch (field)
            {
                case "slug": bindings.Add(Bind<Tag, string>("Slug", t => t.Slug)); break;
                case "name": bindings.Add(Bind<Tag, string>("Name", t => t.Name)); break;
                case "description": bindings.Add(Bind<Tag, string?>("Description", t => t.Description)); break;
                case "postCount": bindings.Add(Bind("PostCount", PostCount(db, isAdmin, now))); break;
                case "createdAt": bindings.Add(Bind<Tag, DateTimeOffset>("CreatedAt", t => t.CreatedAt)); break;
                case "updatedAt": bindings.Add(Bind<Tag, DateTimeOffset>("UpdatedAt", t => t.UpdatedAt)); break;
                case "version": bindings.Add(Bind<Tag, uint>("Version", t => t.Version)); break;
            }
        }
        return tags.AsNoTracking().Select(Projection.Of<Tag, TagRow>(bindings));
    }

    /// <summary>Posts the caller can see: all of them for admins, published ones for everyone else.</summary>
    public static Expression<Func<Tag, int>> PostCount(ICmsDb db, bool isAdmin, DateTimeOffset now) =>
        t => db.PostTags.Count(pt => pt.TagId == t.Id
            && (isAdmin || db.Posts.Any(p => p.Id == pt.PostId && p.Status == PostStatus.Published && p.PublishedAt <= now)));

    /// <summary>Name or slug starting with <paramref name="q"/>, ignoring case and accents.</summary>
    public static IQueryable<Tag> Matching(IQueryable<Tag> tags, string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return tags;
        var pattern = Like.Prefix(q.Trim());
        var slug = Slugs.From(q, "");
        return tags.Where(t => EF.Functions.ILike(EF.Functions.Unaccent(t.Name), EF.Functions.Unaccent(pattern))
            || (slug != "" && t.Slug.StartsWith(slug)));
    }
}
