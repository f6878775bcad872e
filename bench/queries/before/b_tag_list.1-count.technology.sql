-- The tag count as the API sends it, for the biggest tag: "technology".
SELECT count(*)::int
FROM posts AS p
WHERE p.status = 'published' AND p.published_at <= '2026-11-25 19:55:55.702474+00'::timestamptz AND EXISTS (
    SELECT 1
    FROM post_tags AS p0
    INNER JOIN tags AS t ON p0.tag_id = t.id
    WHERE p.id = p0.post_id AND t.slug = ANY ('{technology}'::text[]));
