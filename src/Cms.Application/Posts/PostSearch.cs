
namespace Cms.Application.Posts;

/// <summary>Full-text search over posts: the stored vector, and the query that matches and ranks it.</summary>
public static class PostSearch
{
    /// <summary>The shadow property (column <c>search_vector</c>) that holds the weighted vector.</summary>
    public const string VectorProperty = "SearchVector";

    /// <summary>The generated column's expression for a text search configuration such as <c>english</c>.</summary>
    public static string VectorSql(string language) =>
        $"setweight(to_tsvector('{language}'::regconfig, coalesce(title, '')), 'A') || "
        + $"setweight(to_tsvector('{language}'::regconfig, coalesce(excerpt, '')), 'B') || "
        + $"setweight(to_tsvector('{language}'::regconfig, coalesce(body, '')), 'C')";

}
