-- Variant, not sent by the API as is: the ranked page with sequential scans off. The matches come from
-- the GIN index, but ts_rank_cd still detoasts every one of the 66,322 matching vectors.
SET enable_seqscan = off;
SELECT p0.id, p0.xmin, ts_rank_cd(p0.search_vector, websearch_to_tsquery('english', 'government'::text)), p0.slug, p0.title, p0.excerpt, p0.status, p0.published_at, i.id, p0.categories, p0.metadata, i.id IS NULL, '/media/' || COALESCE(i.sha256, '') || '.' || COALESCE(i.extension, ''), i.width, i.height, i.alt, p0.reading_time_minutes, p0.created_at, p0.updated_at
FROM (
    SELECT p.id, p.categories, p.created_at, p.excerpt, p.feature_image_id, p.metadata, p.published_at, p.reading_time_minutes, p.search_vector, p.slug, p.status, p.title, p.updated_at, p.xmin, ts_rank_cd(p.search_vector, websearch_to_tsquery('english', 'government'::text)) AS c
    FROM posts AS p
    WHERE p.status = 'published' AND p.published_at <= '2026-11-25 19:55:57.002171+00'::timestamptz AND p.search_vector @@ websearch_to_tsquery('english', 'government'::text)
    ORDER BY ts_rank_cd(p.search_vector, websearch_to_tsquery('english', 'government'::text)) DESC, p.id DESC
    LIMIT 21
) AS p0
LEFT JOIN images AS i ON p0.feature_image_id = i.id
ORDER BY p0.c DESC, p0.id DESC, i.id;
