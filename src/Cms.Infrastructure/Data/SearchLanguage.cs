using System.Text.RegularExpressions;
using Cms.Application.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cms.Infrastructure.Data;

/// <summary>
/// Keeps the stored search vectors (search_vector and rank_vector) in the configured text search
/// configuration. A generated column fixes its configuration in its expression, so a new
/// Cms:Search:Language rebuilds the columns and the index once, in one transaction, at migration time.
/// Searches then find other posts, in another order: the rebuild moves the content version on (the
/// search ETags) and notifies every instance, this one included (an empty payload is nobody's name),
/// to empty its output cache. DDL fires none of the triggers that do both for writes.
/// </summary>
public static partial class SearchLanguage
{
    public static async Task EnsureAsync(CmsDbContext db, string language, ILogger logger, CancellationToken ct)
    {
        if (!IsName(language))
            throw new InvalidOperationException($"Cms:Search:Language '{language}' is not a text search configuration name.");
        var known = await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_ts_config WHERE cfgname = {language}").SingleAsync(ct);
        if (known == 0)
            throw new InvalidOperationException($"Cms:Search:Language '{language}' is not a text search configuration of this PostgreSQL (see \\dF in psql).");
        var expressions = await db.Database.SqlQuery<string>($"""
            SELECT pg_get_expr(d.adbin, d.adrelid) AS "Value"
            FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
            WHERE d.adrelid = 'posts'::regclass AND a.attname IN ('search_vector', 'rank_vector')
            """).ToListAsync(ct);
        if (expressions.Count == 2 && expressions.All(e => e.Contains($"'{language}'::regconfig", StringComparison.Ordinal))) return;

        logger.LogInformation("Rebuilding the post search vector for text search configuration {Language}", language);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The name is checked above against pg_ts_config and a strict pattern: safe to put in DDL.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync($"""
            ALTER TABLE posts DROP COLUMN search_vector;
            ALTER TABLE posts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({PostSearch.VectorSql(language)}) STORED;
            CREATE INDEX ix_posts_search_vector ON posts USING gin (search_vector);
            ALTER TABLE posts DROP COLUMN IF EXISTS rank_vector;
            ALTER TABLE posts ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS ({PostSearch.RankVectorSql(language)}) STORED;
            CREATE INDEX ix_posts_rank_vector ON posts USING gin (rank_vector);
            UPDATE content_version SET value = value + 1;
            SELECT pg_notify('{ContentChanges.Channel}', '');
            """, ct);
#pragma warning restore EF1002
        await transaction.CommitAsync(ct);
    }

    /// <summary>Whether the text could name a text search configuration: a lower-case SQL identifier, safe in DDL.</summary>
    public static bool IsName(string language) => Identifier().IsMatch(language);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
