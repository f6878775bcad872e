namespace Cms.Domain;

/// <summary>
/// draft, published or scheduled. Only draft and published are stored: a published post whose
/// publishedAt is still ahead is reported as scheduled and stays invisible to readers until then.
/// </summary>
public enum PostStatus
{
    Draft,
    Published,
    Scheduled,
}
