using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Tags;

/// <summary>Applies validated <see cref="TagInput"/> to a tag: the one write path of create, update and patch.</summary>
public sealed class TagChanges(ICmsDb db)
{
    public async Task ApplyAsync(Tag tag, TagInput input, bool isNew, DateTimeOffset now, CancellationToken ct)
    {
        var slug = input.Slug ?? (isNew ? null : tag.Slug);
        if (slug is null)
        {
            slug = await UniqueSlugs.FirstFreeAsync(Slugs.From(input.Name, "tag"),
                candidates => db.Tags.Where(t => candidates.Contains(t.Slug)).Select(t => t.Slug), ct);
        }
        else if ((isNew || slug != tag.Slug) && await db.Tags.AnyAsync(t => t.Slug == slug && t.Id != tag.Id, ct))
        {
            throw new ConflictException($"The slug '{slug}' is already taken by another tag.", "slug");
        }
        var name = input.Name.Trim();
        if (!isNew && (name != tag.Name || slug != tag.Slug)) await Posts.EmbeddedChanges.TouchPostsWithTagAsync(db, tag.Id, now, ct);
        tag.Rename(name, slug);
        tag.Describe(input.Description);
        tag.Touch(now);
    }

    public static async Task<Tag> LoadAsync(ICmsDb db, Guid id, uint? ifMatch, CancellationToken ct)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Tag", id.ToString());
        if (ifMatch is { } expected)
        {
            if (tag.Version != expected) throw new PreconditionFailedException();
            db.ExpectVersion(tag, expected);
        }
        return tag;
    }

    public static Task<TagResponse> ReadAsync(ICmsDb db, Guid id, bool includeUnpublished, DateTimeOffset now, CancellationToken ct) =>
        ReadAsync(db, db.Tags.Where(t => t.Id == id), id.ToString(), includeUnpublished, null, now, ct);

    public static async Task<TagResponse> ReadAsync(ICmsDb db, IQueryable<Tag> which, string key, bool includeUnpublished, string? fields,
        DateTimeOffset now, CancellationToken ct)
    {
        var selected = TagFields.Parse(fields)!;
        var row = await TagFields.Rows(which, db, selected, includeUnpublished, now).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Tag", key);
        return row.ToResponse(selected);
    }
}
