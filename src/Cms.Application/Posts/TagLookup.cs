using Cms.Application.Common;
using Cms.Application.Webhooks;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Posts;

/// <summary>
/// Tags named by slug or by name, read in one query for every value at once: one post's tags, or the
/// tags of a whole import batch. A name that matches no tag creates one (tracked, with its event).
/// </summary>
public sealed class TagLookup
{
    private readonly ICmsDb _db;
    // By slug and by name (the first tag of each wins, as a search of the list in order would find it):
    // an import batch resolves hundreds of values against hundreds of tags.
    private readonly Dictionary<string, Tag> _bySlug = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tag> _byName = new(StringComparer.OrdinalIgnoreCase);

    private TagLookup(ICmsDb db, List<Tag> found)
    {
        _db = db;
        foreach (var tag in found) Remember(tag);
    }

    private void Remember(Tag tag)
    {
        _bySlug.TryAdd(tag.Slug, tag);
        _byName.TryAdd(tag.Name, tag);
    }

    public static async Task<TagLookup> LoadAsync(ICmsDb db, IEnumerable<string> values, CancellationToken ct)
    {
        var wanted = values.Select(v => (Name: v.Trim(), Slug: Slugs.From(v, "tag"))).ToList();
        if (wanted.Count == 0) return new TagLookup(db, []);
        var slugs = wanted.Select(w => w.Slug).Distinct().ToList();
        var names = wanted.Select(w => w.Name.ToLowerInvariant()).Distinct().ToList();
        var exact = wanted.Select(w => w.Name).Distinct().ToList();
        var found = await db.Tags.Where(t => slugs.Contains(t.Slug) || exact.Contains(t.Slug) || names.Contains(t.Name.ToLower())).ToListAsync(ct);
        return new TagLookup(db, found);
    }

    /// <summary>True when every value names a tag that exists: <see cref="Resolve"/> would create none.</summary>
    public bool HasAll(IEnumerable<string> values) => values.All(v => Find(v) is not null);

    /// <summary>The tags for <paramref name="values"/>, which must be among those loaded.</summary>
    public List<Tag> Resolve(IReadOnlyList<string> values, DateTimeOffset now)
    {
        var tags = new List<Tag>();
        foreach (var value in values)
        {
            var name = value.Trim();
            var slug = Slugs.From(value, "tag");
            var tag = Find(value);
            if (tag is null)
            {
                tag = new Tag(slug, name, now);
                _db.Tags.Add(tag);
                Outbox.TagChanged(_db, WebhookEvents.TagCreated, tag, now);
                Remember(tag);
            }
            tags.Add(tag);
        }
        return tags;
    }

    /// <summary>
    /// A value that is a tag's slug names that tag; else a tag's current name (a renamed tag keeps its
    /// old slug); else the slug the value would get.
    /// </summary>
    private Tag? Find(string value)
    {
        var name = value.Trim();
        var slug = Slugs.From(value, "tag");
        return _bySlug.GetValueOrDefault(name) ?? _byName.GetValueOrDefault(name) ?? _bySlug.GetValueOrDefault(slug);
    }
}
