-- GET /api/v1/posts?author=jose-alvarez: the slug-to-id statement, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit 6ad8c28: SQL text and values from
-- the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
SELECT a.id
FROM authors AS a
WHERE a.slug = ANY ('{jose-alvarez}'::text[]);
