namespace Cms.Domain;

public sealed class Author
{
    private Author() { }

    public Author(string slug, string name, DateTimeOffset now)
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
    public string? Bio { get; private set; }
    public string? Website { get; private set; }
    public string? Email { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public Guid? AvatarImageId { get; private set; }
    public Image? AvatarImage { get; private set; }

    public void SetAvatarImage(Guid? imageId) => AvatarImageId = imageId;

    public void Rename(string name, string slug)
    {
        Name = name;
        Slug = slug;
    }

    public void Describe(string? bio, string? website, string? email)
    {
        Bio = bio;
        Website = website;
        Email = email;
    }

    public void Touch(DateTimeOffset now) => UpdatedAt = now;
}
