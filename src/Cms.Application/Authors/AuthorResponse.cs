using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Cms.Application.Common;
using Cms.Application.Images;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using static Cms.Application.Common.Projection;

namespace Cms.Application.Authors;

/// <summary>An author as the API returns it. With <c>fields=</c>, only the fields asked for are present.</summary>
public sealed record AuthorResponse : ISparseResponse
{
    public Guid Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Bio { get; init; }
    public string? Website { get; init; }
    /// <summary>Present for the admin scope only.</summary>
    public string? Email { get; init; }
    /// <summary>The author's picture, from the media library; null when there is none.</summary>
    public ImageRef? AvatarImage { get; init; }
    /// <summary>Posts by this author that the caller can see (published ones for readers).</summary>
    public int PostCount { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The same value as the ETag header: the row version, followed by "." and postCount when postCount is present.</summary>
    public string Version { get; init; } = "";

    [JsonIgnore]
    public IReadOnlySet<string>? Fields { get; init; }
}

public sealed class AuthorRow
{
    public Guid Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Bio { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }
    public ImageRef? AvatarImage { get; set; }
    public int PostCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public AuthorResponse ToResponse(IReadOnlySet<string> fields) => new()
    {
        Id = Id, Slug = Slug, Name = Name, Bio = Bio, Website = Website, Email = Email, AvatarImage = AvatarImage, PostCount = PostCount,
        CreatedAt = CreatedAt, UpdatedAt = UpdatedAt, Version = CountedVersion.Of(Version, PostCount, fields), Fields = fields,
    };
}

/// <summary>The fields an author can be asked for, and the SQL each one costs.</summary>
public static class AuthorFields
{
    public static readonly string[] All = ["id", "slug", "name", "bio", "website", "email", "avatarImage", "postCount", "createdAt", "updatedAt", "version"];

    /// <summary>What a caller may see: the email is for the admin scope only.</summary>
    public static IReadOnlySet<string>? Parse(string? fields, bool isAdmin)
    {
        var parsed = SparseFields.Parse(fields, All, All.ToHashSet());
        return parsed is null || isAdmin ? parsed : parsed.Where(f => f != "email").ToHashSet();
    }

    public static IQueryable<AuthorRow> Rows(IQueryable<Author> authors, ICmsDb db, IReadOnlySet<string> fields, bool isAdmin, DateTimeOffset now)
    {
        // The version is the ETag: read whatever the fields.
        var bindings = new List<KeyValuePair<string, LambdaExpression>> { Bind<Author, Guid>("Id", a => a.Id), Bind<Author, uint>("Version", a => a.Version) };
        foreach (var field in fields)
        {
            switch (field)
            {
                case "slug": bindings.Add(Bind<Author, string>("Slug", a => a.Slug)); break;
                case "name": bindings.Add(Bind<Author, string>("Name", a => a.Name)); break;
                case "bio": bindings.Add(Bind<Author, string?>("Bio", a => a.Bio)); break;
                case "website": bindings.Add(Bind<Author, string?>("Website", a => a.Website)); break;
                case "email": bindings.Add(Bind<Author, string?>("Email", a => a.Email)); break;
                case "avatarImage": bindings.Add(Bind("AvatarImage", ImageRefs.Of<Author>(a => a.AvatarImage))); break;
                case "postCount": bindings.Add(Bind("PostCount", PostCount(db, isAdmin, now))); break;
                case "createdAt": bindings.Add(Bind<Author, DateTimeOffset>("CreatedAt", a => a.CreatedAt)); break;
                case "updatedAt": bindings.Add(Bind<Author, DateTimeOffset>("UpdatedAt", a => a.UpdatedAt)); break;
                case "version": bindings.Add(Bind<Author, uint>("Version", a => a.Version)); break;
            }
        }
        return authors.AsNoTracking().Select(Projection.Of<Author, AuthorRow>(bindings));
    }

    /// <summary>Posts the caller can see: all of them for admins, published ones for everyone else.</summary>
    public static Expression<Func<Author, int>> PostCount(ICmsDb db, bool isAdmin, DateTimeOffset now) =>
        a => db.PostAuthors.Count(pa => pa.AuthorId == a.Id
            && (isAdmin || db.Posts.Any(p => p.Id == pa.PostId && p.Status == PostStatus.Published && p.PublishedAt <= now)));

    /// <summary>Name or slug starting with <paramref name="q"/>, ignoring case and accents ("jose" finds "José").</summary>
    public static IQueryable<Author> Matching(IQueryable<Author> authors, string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return authors;
        var pattern = Like.Prefix(q.Trim());
        var slug = Slugs.From(q, "");
        return authors.Where(a => EF.Functions.ILike(EF.Functions.Unaccent(a.Name), EF.Functions.Unaccent(pattern))
            || (slug != "" && a.Slug.StartsWith(slug)));
    }
}
