namespace Cms.Domain;

public sealed class Post
{
    public const int TitleMaxLength = 300;

    private readonly List<PostAuthor> _authors = [];
    private readonly List<PostTag> _tags = [];

    private Post() { }

    public Post(string slug, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Slug = slug;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? Excerpt { get; private set; }
    public string Body { get; private set; } = "";
    /// <summary>The body rendered and sanitized once, at write time, so reads never render.</summary>
    public string Html { get; private set; } = "";
    public int ReadingTimeMinutes { get; private set; } = 1;
    /// <summary>Stored status: <see cref="PostStatus.Draft"/> or <see cref="PostStatus.Published"/>.</summary>
    public PostStatus Status { get; private set; } = PostStatus.Draft;
    public DateTimeOffset? PublishedAt { get; private set; }
    public string[] Categories { get; private set; } = [];
    /// <summary>Slugs of <see cref="Categories"/>, so a filter matches "News" and "news" alike.</summary>
    public string[] CategorySlugs { get; private set; } = [];
    /// <summary>Front-matter keys without a field of their own, as a JSON object.</summary>
    public string Metadata { get; private set; } = "{}";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public Guid? FeatureImageId { get; private set; }
    /// <summary>
    /// The publication webhooks were told about (post.published); null while no reader can see the
    /// post. It makes the event fire once per publication, whether a write or the clock publishes.
    /// </summary>
    public DateTimeOffset? PublishedEventAt { get; private set; }
    public Image? FeatureImage { get; private set; }

    public IReadOnlyList<PostAuthor> Authors => _authors;
    public IReadOnlyList<PostTag> Tags => _tags;

    public void SetSlug(string slug)
    {
        if (!Domain.Slug.IsValid(slug)) throw new ArgumentException($"'{slug}' is not a valid slug.", nameof(slug));
        Slug = slug;
    }

    public void SetFeatureImage(Guid? imageId) => FeatureImageId = imageId;

    public void SetContent(string title, string? excerpt, string body, string html)
    {
        Title = title;
        Excerpt = excerpt;
        Body = body;
        Html = html;
        ReadingTimeMinutes = ReadingTime.Minutes(body);
    }

    /// <summary>Publishes at <paramref name="at"/>; a moment in the future makes the post scheduled.</summary>
    public void Publish(DateTimeOffset at)
    {
        Status = PostStatus.Published;
        PublishedAt = at.ToUniversalTime();
    }

    /// <summary>Back to draft; <paramref name="plannedAt"/> keeps an intended publication date.</summary>
    public void Unpublish(DateTimeOffset? plannedAt)
    {
        Status = PostStatus.Draft;
        PublishedAt = plannedAt?.ToUniversalTime();
    }

    public PostStatus StatusAt(DateTimeOffset now) =>
        Status == PostStatus.Published && PublishedAt > now ? PostStatus.Scheduled : Status;

    public bool IsVisibleToReadersAt(DateTimeOffset now) => StatusAt(now) == PostStatus.Published;

    public void SetCategories(IEnumerable<string> names, Func<string, string> toSlug)
    {
        var kept = new List<string>();
        var slugs = new List<string>();
        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            var slug = toSlug(name);
            if (slugs.Contains(slug)) continue;
            kept.Add(name);
            slugs.Add(slug);
        }
        Categories = [.. kept];
        CategorySlugs = [.. slugs];
    }

    public void SetMetadata(string json) => Metadata = json;

    /// <summary>Sets the byline in the given order; the same author twice counts once.</summary>
    public void SetAuthors(IReadOnlyList<Author> authors)
    {
        var wanted = authors.DistinctBy(a => a.Id).ToList();
        _authors.RemoveAll(pa => wanted.All(a => a.Id != pa.AuthorId));
        for (var i = 0; i < wanted.Count; i++)
        {
            var existing = _authors.Find(pa => pa.AuthorId == wanted[i].Id);
            if (existing is null) _authors.Add(new PostAuthor(this, wanted[i], i));
            else existing.Position = i;
        }
    }

    /// <summary>Sets the tags in the given order; the same tag twice counts once.</summary>
    public void SetTags(IReadOnlyList<Tag> tags)
    {
        var wanted = tags.DistinctBy(t => t.Id).ToList();
        _tags.RemoveAll(pt => wanted.All(t => t.Id != pt.TagId));
        for (var i = 0; i < wanted.Count; i++)
        {
            var existing = _tags.Find(pt => pt.TagId == wanted[i].Id);
            if (existing is null) _tags.Add(new PostTag(this, wanted[i], i));
            else existing.Position = i;
        }
    }

    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    /// <summary>
    /// What a change means to readers: visible now and not yet announced is a publication, announced
    /// and no longer visible (a draft again, or moved to the future) an unpublication, else an update.
    /// </summary>
    public PostChange RecordChange(DateTimeOffset now)
    {
        var visible = IsVisibleToReadersAt(now);
        if (visible && PublishedEventAt is null)
        {
            PublishedEventAt = PublishedAt;
            return PostChange.Published;
        }
        if (!visible && PublishedEventAt is not null)
        {
            PublishedEventAt = null;
            return PostChange.Unpublished;
        }
        return PostChange.Updated;
    }
}

public enum PostChange
{
    Updated,
    Published,
    Unpublished,
}
