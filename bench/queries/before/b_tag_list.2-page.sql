-- GET /api/v1/posts?tag=kubernetes: the page statement, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit d2aad65: SQL text from the
-- EF Core command log, values from the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
SELECT p1.id, p1.xmin, p1.published_at, p1.slug, p1.title, p1.excerpt, p1.status, i.id, p1.categories, p1.metadata, i.id IS NULL, '/media/' || COALESCE(i.sha256, '') || '.' || COALESCE(i.extension, ''), i.width, i.height, i.alt, p1.reading_time_minutes, p1.created_at, p1.updated_at
FROM (
    SELECT p.id, p.categories, p.created_at, p.excerpt, p.feature_image_id, p.metadata, p.published_at, p.reading_time_minutes, p.slug, p.status, p.title, p.updated_at, p.xmin
    FROM posts AS p
    WHERE p.status = 'published' AND p.published_at <= '2026-11-25 19:55:55.702474+00'::timestamptz AND EXISTS (
        SELECT 1
        FROM post_tags AS p0
        INNER JOIN tags AS t ON p0.tag_id = t.id
        WHERE p.id = p0.post_id AND t.slug = ANY ('{kubernetes}'::text[]))
    ORDER BY p.published_at DESC, p.id DESC
    LIMIT 21
) AS p1
LEFT JOIN images AS i ON p1.feature_image_id = i.id
ORDER BY p1.published_at DESC, p1.id DESC, i.id;
