-- GET /api/v1/posts?tag=technology: the count statement, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit 6ad8c28: SQL text and values from
-- the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
SELECT count(*)::int
FROM posts AS p
WHERE p.status = 'published' AND p.published_at <= '2026-11-25 20:34:53.151584+00'::timestamptz AND EXISTS (
    SELECT 1
    FROM post_tags AS p0
    WHERE p.id = p0.post_id AND p0.tag_id = ANY ('{01758151-7280-7836-acff-26a4f381867d}'::uuid[]));
