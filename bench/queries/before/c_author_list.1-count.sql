-- GET /api/v1/posts?author=jose-alvarez: the count statement, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit d2aad65: SQL text from the
-- EF Core command log, values from the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
SELECT count(*)::int
FROM posts AS p
WHERE p.status = 'published' AND p.published_at <= '2026-11-25 19:55:56.39173+00'::timestamptz AND EXISTS (
    SELECT 1
    FROM post_authors AS p0
    INNER JOIN authors AS a ON p0.author_id = a.id
    WHERE p.id = p0.post_id AND a.slug = ANY ('{jose-alvarez}'::text[]));
