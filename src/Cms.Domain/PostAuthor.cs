namespace Cms.Domain;

/// <summary>An author's byline on a post; <see cref="Position"/> keeps the order the editor gave.</summary>
public sealed class PostAuthor
{
    private PostAuthor() { }

    internal PostAuthor(Post post, Author author, int position)
    {
        PostId = post.Id;
        AuthorId = author.Id;
        Author = author;
        Position = position;
    }

    public Guid PostId { get; private set; }
    public Guid AuthorId { get; private set; }
    public Author Author { get; private set; } = null!;
    public int Position { get; internal set; }
}
