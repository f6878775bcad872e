-- Variant, not sent by the API as is: the search count (d1/d2), with sequential scans off for the
-- statement (SET LOCAL in the request's transaction), so that it is answered from ix_posts_search_vector.
SET enable_seqscan = off;
SELECT count(*)::int
FROM posts AS p
WHERE p.status = 'published' AND p.published_at <= '2026-11-25 19:55:57.002171+00'::timestamptz AND p.search_vector @@ websearch_to_tsquery('english', 'government'::text);
