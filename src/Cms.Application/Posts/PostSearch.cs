
namespace Cms.Application.Posts;

/// <summary>Full-text search over posts: the stored vectors, and the query that matches and ranks them.</summary>
public static class PostSearch
{
    /// <summary>The shadow property (column <c>search_vector</c>) that holds the weighted vector a search matches.</summary>
    public const string VectorProperty = "SearchVector";

    /// <summary>
    /// The shadow property (column <c>rank_vector</c>) that relevance is computed on: title (A) and excerpt (B) only.
    /// A few hundred bytes that stay in the heap row, where <c>search_vector</c> (the body too, ~5 KB) lives in TOAST:
    /// ranking a common word's tens of thousands of matches on the full vector detoasted every one of them (see
    /// docs/performance.md, "Query plans at 100,000 posts"). A match only in the body ranks 0, below any title or
    /// excerpt match, and such matches come newest first.
    /// </summary>
    public const string RankVectorProperty = "RankVector";

    /// <summary>The generated column's expression for a text search configuration such as <c>english</c>.</summary>
    public static string VectorSql(string language) =>
        $"setweight(to_tsvector('{language}'::regconfig, coalesce(title, '')), 'A') || "
        + $"setweight(to_tsvector('{language}'::regconfig, coalesce(excerpt, '')), 'B') || "
        + $"setweight(to_tsvector('{language}'::regconfig, coalesce(body, '')), 'C')";

    /// <summary>The generated <c>rank_vector</c> column's expression: <see cref="VectorSql"/> without the body.</summary>
    public static string RankVectorSql(string language) =>
        $"setweight(to_tsvector('{language}'::regconfig, coalesce(title, '')), 'A') || "
        + $"setweight(to_tsvector('{language}'::regconfig, coalesce(excerpt, '')), 'B')";
}
