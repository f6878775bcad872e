-- GET /api/v1/posts?q=aardvark: the count statement, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit 6ad8c28: SQL text and values from
-- the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
-- Search statements run in a transaction after SET LOCAL enable_seqscan = off (ICmsDb.PreferIndexScansAsync).
SET enable_seqscan = off;
SELECT count(*)::int
FROM posts AS p
WHERE p.status = 'published' AND p.published_at <= '2026-11-25 20:34:53.231209+00'::timestamptz AND p.search_vector @@ websearch_to_tsquery('english', 'aardvark'::text);
