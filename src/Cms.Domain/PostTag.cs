namespace Cms.Domain;

/// <summary>A tag on a post; <see cref="Position"/> keeps the order the editor gave.</summary>
public sealed class PostTag
{
    private PostTag() { }

    internal PostTag(Post post, Tag tag, int position)
    {
        PostId = post.Id;
        TagId = tag.Id;
        Tag = tag;
        Position = position;
    }

    public Guid PostId { get; private set; }
    public Guid TagId { get; private set; }
    public Tag Tag { get; private set; } = null!;
    public int Position { get; internal set; }
}
