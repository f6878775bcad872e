-- GET /api/v1/posts: the page statement, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit d2aad65: SQL text from the
-- EF Core command log, values from the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
SELECT p0.id, p0.xmin, p0.published_at, p0.slug, p0.title, p0.excerpt, p0.status, i.id, p0.categories, p0.metadata, i.id IS NULL, '/media/' || COALESCE(i.sha256, '') || '.' || COALESCE(i.extension, ''), i.width, i.height, i.alt, p0.reading_time_minutes, p0.created_at, p0.updated_at
FROM (
    SELECT p.id, p.categories, p.created_at, p.excerpt, p.feature_image_id, p.metadata, p.published_at, p.reading_time_minutes, p.slug, p.status, p.title, p.updated_at, p.xmin
    FROM posts AS p
    WHERE p.status = 'published' AND p.published_at <= '2026-11-25 19:55:55.132291+00'::timestamptz
    ORDER BY p.published_at DESC, p.id DESC
    LIMIT 21
) AS p0
LEFT JOIN images AS i ON p0.feature_image_id = i.id
ORDER BY p0.published_at DESC, p0.id DESC, i.id;
