using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Authors;

/// <summary>Applies validated <see cref="AuthorInput"/> to an author: the one write path of create, update and patch.</summary>
public sealed class AuthorChanges(ICmsDb db, TimeProvider clock)
{
    public async Task ApplyAsync(Author author, AuthorInput input, bool isNew, CancellationToken ct)
    {
        var slug = input.Slug ?? (isNew ? null : author.Slug);
        if (slug is null)
        {
            slug = await UniqueSlugs.FirstFreeAsync(Slugs.From(input.Name, "author"),
                s => db.Authors.Where(a => a.Slug == s || a.Slug.StartsWith(s + "-")).Select(a => a.Slug), ct);
        }
        else if (slug != author.Slug && await db.Authors.AnyAsync(a => a.Slug == slug && a.Id != author.Id, ct))
        {
            throw new ConflictException($"The slug '{slug}' is already taken by another author.", "slug");
        }
        author.Rename(input.Name.Trim(), slug);
        author.Describe(input.Bio, input.Website, input.Email);
        author.Touch(clock.GetUtcNow());
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

    public static async Task<AuthorResponse> ReadAsync(ICmsDb db, Guid id, bool isAdmin, DateTimeOffset now, CancellationToken ct)
    {
        var row = await AuthorQueries.Rows(db, isAdmin, now).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("Author", id.ToString());
        return row.ToResponse(isAdmin);
    }
}
