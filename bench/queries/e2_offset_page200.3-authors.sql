-- GET /api/v1/posts?page=200: the authors statement, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit d2aad65: SQL text from the
-- EF Core command log, values from the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
SELECT s.id, s.slug, s.name, p0.id, i.id
FROM (
    SELECT p.id, p.feature_image_id, p.published_at
    FROM posts AS p
    WHERE p.status = 'published' AND p.published_at <= '2026-11-25 19:56:00.418633+00'::timestamptz
    ORDER BY p.published_at DESC, p.id DESC
    LIMIT 21 OFFSET 3980
) AS p0
LEFT JOIN images AS i ON p0.feature_image_id = i.id
INNER JOIN (
    SELECT a1.id, a1.slug, a1.name, p3.post_id, p3.position
    FROM post_authors AS p3
    INNER JOIN authors AS a1 ON p3.author_id = a1.id
) AS s ON p0.id = s.post_id
ORDER BY p0.published_at DESC, p0.id DESC, i.id, s.position;
