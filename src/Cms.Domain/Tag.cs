namespace Cms.Domain;

public sealed class Tag
{
    private Tag() { }

    public Tag(string slug, string name, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Slug = slug;
        Name = name;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public void Rename(string name, string slug)
    {
        Name = name;
        Slug = slug;
    }

    public void Describe(string? description) => Description = description;

    public void Touch(DateTimeOffset now) => UpdatedAt = now;
}
