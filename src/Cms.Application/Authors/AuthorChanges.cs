using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Authors;

/// <summary>Applies validated <see cref="AuthorInput"/> to an author: the one write path of create, update and patch.</summary>
public sealed class AuthorChanges(ICmsDb db)
{
    public async Task ApplyAsync(Author author, AuthorInput input, bool isNew, DateTimeOffset now, CancellationToken ct)
    {
        var slug = input.Slug ?? (isNew ? null : author.Slug);
        if (slug is null)
        {
            slug = await UniqueSlugs.FirstFreeAsync(Slugs.From(input.Name, "author"),
                candidates => db.Authors.Where(a => candidates.Contains(a.Slug)).Select(a => a.Slug), ct);
        }
        else if ((isNew || slug != author.Slug) && await db.Authors.AnyAsync(a => a.Slug == slug && a.Id != author.Id, ct))
        {
            throw new ConflictException($"The slug '{slug}' is already taken by another author.", "slug");
        }
        var name = input.Name.Trim();
        if (!isNew && (name != author.Name || slug != author.Slug)) await Posts.EmbeddedChanges.TouchPostsByAuthorAsync(db, author.Id, now, ct);
        author.Rename(name, slug);
        author.Describe(input.Bio, input.Website, input.Email);
        author.SetAvatarImage(await Images.ImageIds.ResolveAsync(db, input.AvatarImageId, "avatarImageId", ct));
        author.Touch(now);
    }

    public static async Task<Author> LoadAsync(ICmsDb db, Guid id, uint? ifMatch, CancellationToken ct)
    {
        var author = await db.Authors.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Author", id.ToString());
        if (ifMatch is { } expected)
        {
            if (author.Version != expected) throw new PreconditionFailedException();
            db.ExpectVersion(author, expected);
        }
        return author;
    }

    public static Task<AuthorResponse> ReadAsync(ICmsDb db, Guid id, bool isAdmin, DateTimeOffset now, CancellationToken ct) =>
        ReadAsync(db, db.Authors.Where(a => a.Id == id), id.ToString(), isAdmin, null, now, ct);

    public static async Task<AuthorResponse> ReadAsync(ICmsDb db, IQueryable<Author> which, string key, bool isAdmin, string? fields,
        DateTimeOffset now, CancellationToken ct)
    {
        var selected = AuthorFields.Parse(fields, isAdmin)!;
        var row = await AuthorFields.Rows(which, db, selected, isAdmin, now).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Author", key);
        return row.ToResponse(selected);
    }
}
