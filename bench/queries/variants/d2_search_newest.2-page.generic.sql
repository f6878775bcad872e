-- GET /api/v1/posts?q=government&sort=-publishedAt: the statement the API sends, as a prepared statement with a generic plan: what PostgreSQL would
-- use after 5 executions if Npgsql prepared it (Max Auto Prepare in the connection string; not set today, so every
-- statement is planned with its values). plan_cache_mode = force_generic_plan shows that plan at once.
SET enable_seqscan = off;
SET plan_cache_mode = force_generic_plan;
PREPARE s(timestamptz, text, int) AS SELECT p0.id, p0.xmin, p0.published_at, p0.slug, p0.title, p0.excerpt, p0.status, p0.categories, p0.metadata, i.id IS NULL, i.id, '/media/' || COALESCE(i.sha256, '') || '.' || COALESCE(i.extension, ''), i.width, i.height, i.alt, p0.reading_time_minutes, p0.created_at, p0.updated_at FROM ( SELECT p.id, p.categories, p.created_at, p.excerpt, p.feature_image_id, p.metadata, p.published_at, p.reading_time_minutes, p.slug, p.status, p.title, p.updated_at, p.xmin FROM posts AS p WHERE p.status = 'published' AND p.published_at <= $1 AND p.search_vector @@ websearch_to_tsquery('english', $2) ORDER BY p.published_at DESC, p.id DESC LIMIT $3 ) AS p0 LEFT JOIN images AS i ON p0.feature_image_id = i.id ORDER BY p0.published_at DESC, p0.id DESC;
EXECUTE s('2026-11-25 20:34:53.023116+00'::timestamptz, 'government', 21);
