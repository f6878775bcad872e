-- GET /api/v1/posts: the tags statement, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit d2aad65: SQL text from the
-- EF Core command log, values from the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
SELECT s0.id, s0.slug, s0.name, p0.id, i.id
FROM (
    SELECT p.id, p.feature_image_id, p.published_at
    FROM posts AS p
    WHERE p.status = 'published' AND p.published_at <= '2026-11-25 19:55:55.132291+00'::timestamptz
    ORDER BY p.published_at DESC, p.id DESC
    LIMIT 21
) AS p0
LEFT JOIN images AS i ON p0.feature_image_id = i.id
INNER JOIN (
    SELECT t0.id, t0.slug, t0.name, p5.post_id, p5.position
    FROM post_tags AS p5
    INNER JOIN tags AS t0 ON p5.tag_id = t0.id
) AS s0 ON p0.id = s0.post_id
ORDER BY p0.published_at DESC, p0.id DESC, i.id, s0.position;
