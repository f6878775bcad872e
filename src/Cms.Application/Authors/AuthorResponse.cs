using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Authors;

/// <summary>An author as the API returns it.</summary>
/// <param name="Email">Present for the admin scope only.</param>
/// <param name="PostCount">Posts by this author that the caller can see (published ones for readers).</param>
/// <param name="Version">The row version, the same value as the ETag header.</param>
public sealed record AuthorResponse(
    Guid Id, string Slug, string Name, string? Bio, string? Website,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email,
    int PostCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Version);

public sealed class AuthorRow
{
    public Guid Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Bio { get; init; }
    public string? Website { get; init; }
    public string? Email { get; init; }
    public int PostCount { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public uint Version { get; init; }

    public AuthorResponse ToResponse(bool isAdmin) => new(Id, Slug, Name, Bio, Website, isAdmin ? Email : null,
        PostCount, CreatedAt, UpdatedAt, Version.ToString(CultureInfo.InvariantCulture));
}

public static class AuthorQueries
{
    public static IQueryable<AuthorRow> Rows(ICmsDb db, bool includeUnpublished, DateTimeOffset now, IQueryable<Author>? source = null) =>
        (source ?? db.Authors).AsNoTracking().Select(ToRow(db, includeUnpublished, now));

    private static Expression<Func<Author, AuthorRow>> ToRow(ICmsDb db, bool includeUnpublished, DateTimeOffset now) => a => new AuthorRow
    {
        Id = a.Id,
        Slug = a.Slug,
        Name = a.Name,
        Bio = a.Bio,
        Website = a.Website,
        Email = a.Email,
        PostCount = db.PostAuthors.Count(pa => pa.AuthorId == a.Id
            && (includeUnpublished || db.Posts.Any(p => p.Id == pa.PostId && p.Status == PostStatus.Published && p.PublishedAt <= now))),
        CreatedAt = a.CreatedAt,
        UpdatedAt = a.UpdatedAt,
        Version = a.Version,
    };
}
