using Cms.Domain;

namespace Cms.Application.Posts;

/// <summary>
/// The posts a request wrote that readers could not see before the write and cannot see after it, now or later: a
/// draft created or edited as a draft, a draft or scheduled post deleted or turned into a draft. No answer a reader
/// can get has changed, so the output cache keeps every listing (Cms.Api.Caching.EvictContentCache). Scoped: one
/// per request. "Before" is the state the write loaded, which the row version check makes the state it replaced.
/// </summary>
public sealed class UnseenPostWrites
{
    private readonly HashSet<Guid> _unseen = [];
    private readonly HashSet<Guid> _seen = [];

    /// <param name="visibleBefore">Whether readers could see the post as it was loaded (a new post: no).</param>
    /// <param name="after">The post as written; null when it was deleted.</param>
    public void Record(Guid id, bool visibleBefore, Post? after)
    {
        // A scheduled post is not visible yet, but it will be without another write: the cache must learn of it.
        if (!visibleBefore && (after is null || after.Status == PostStatus.Draft)) _unseen.Add(id);
        else _seen.Add(id);
    }

    /// <summary>Whether every one of <paramref name="ids"/> was recorded, and only ever as unseen.</summary>
    public bool AllUnseen(IReadOnlyCollection<Guid> ids) => ids.All(id => _unseen.Contains(id) && !_seen.Contains(id));
}
