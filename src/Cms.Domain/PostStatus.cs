namespace Cms.Domain;

/// <summary>
/// What a reader sees of a post. Only <see cref="Draft"/> and <see cref="Published"/> are stored:
/// a published post whose publication time is still ahead is reported as <see cref="Scheduled"/>.
/// </summary>
public enum PostStatus
{
    Draft,
    Published,
    Scheduled,
}
