-- GET /api/v1/posts?q=aardvark: the page statement, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit 6ad8c28: SQL text and values from
-- the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
-- Search statements run in a transaction after SET LOCAL enable_seqscan = off (ICmsDb.PreferIndexScansAsync).
SET enable_seqscan = off;
SELECT p0.id, p0.xmin, ts_rank_cd(p0.rank_vector, websearch_to_tsquery('english', 'aardvark'::text)), p0.published_at, p0.slug, p0.title, p0.excerpt, p0.status, p0.categories, p0.metadata, i.id IS NULL, i.id, '/media/' || COALESCE(i.sha256, '') || '.' || COALESCE(i.extension, ''), i.width, i.height, i.alt, p0.reading_time_minutes, p0.created_at, p0.updated_at
FROM (
    SELECT p.id, p.categories, p.created_at, p.excerpt, p.feature_image_id, p.metadata, p.published_at, p.rank_vector, p.reading_time_minutes, p.slug, p.status, p.title, p.updated_at, p.xmin, ts_rank_cd(p.rank_vector, websearch_to_tsquery('english', 'aardvark'::text)) AS c
    FROM posts AS p
    WHERE p.status = 'published' AND p.published_at <= '2026-11-25 20:34:53.231209+00'::timestamptz AND p.search_vector @@ websearch_to_tsquery('english', 'aardvark'::text)
    ORDER BY ts_rank_cd(p.rank_vector, websearch_to_tsquery('english', 'aardvark'::text)) DESC, p.published_at DESC, p.id DESC
    LIMIT 21
) AS p0
LEFT JOIN images AS i ON p0.feature_image_id = i.id
ORDER BY p0.c DESC, p0.published_at DESC, p0.id DESC;
