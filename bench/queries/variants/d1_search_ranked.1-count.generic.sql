-- GET /api/v1/posts?q=government: the statement the API sends, as a prepared statement with a generic plan: what PostgreSQL would
-- use after 5 executions if Npgsql prepared it (Max Auto Prepare in the connection string; not set today, so every
-- statement is planned with its values). plan_cache_mode = force_generic_plan shows that plan at once.
SET enable_seqscan = off;
SET plan_cache_mode = force_generic_plan;
PREPARE s(timestamptz, text) AS SELECT count(*)::int FROM posts AS p WHERE p.status = 'published' AND p.published_at <= $1 AND p.search_vector @@ websearch_to_tsquery('english', $2);
EXECUTE s('2026-11-25 20:34:52.809958+00'::timestamptz, 'government');
