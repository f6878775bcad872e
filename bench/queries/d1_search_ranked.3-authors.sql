-- GET /api/v1/posts?q=government: the statement that loads the bylines of the page, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit 6ad8c28: SQL text and values from
-- the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
SELECT p.post_id, a.id, a.slug, a.name
FROM post_authors AS p
INNER JOIN authors AS a ON p.author_id = a.id
WHERE p.post_id = ANY ('{01a07ef4-88a6-7f49-8b12-cf8d4bb0d149,018613ab-3dc1-7878-96d0-84d68ba51cf6,017eed26-b5e1-7134-8c65-676ba0bed1d4,017d2b95-62df-72db-8abf-f6f7091b7fd2,01a03325-b7a2-7311-bf17-f2e7911ff349,019f920e-5639-79c6-90fa-83e1998796bf,019ecb6c-9c89-7b5f-a274-6fa42c693d74,019de510-a1b2-717d-8e0b-6a3be7c5659e,019adc46-3666-77f6-bdee-565208928173,0197fbe6-1636-758e-ab4a-a9751eb5dda3,0197d080-91f3-7f32-913f-e10f386f1658,01979b1d-9518-7227-8d22-40c7123b316c,01976ceb-9798-7757-adf2-e6c173e3adcf,0195b4fb-81c5-75a1-bbe6-b7929e7101d4,0194c4bd-7748-767c-9f24-b51154ab9801,01924e51-41ff-782a-9ad5-2683f0a33afc,0190523e-3046-799b-a4b9-6598f03ab67b,018e1fa1-cb64-758a-a522-54d03f7f1b75,018d2610-6605-76a0-a455-515a48d0b668,018b8a1e-46b8-7cab-b6e9-da307a558f8e}'::uuid[])
ORDER BY p.position;
