-- GET /api/v1/posts: the statement that loads the bylines of the page, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit 6ad8c28: SQL text and values from
-- the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
SELECT p.post_id, a.id, a.slug, a.name
FROM post_authors AS p
INNER JOIN authors AS a ON p.author_id = a.id
WHERE p.post_id = ANY ('{01a17a63-5d5b-7c8e-bfac-db1cba448c84,01a17c70-2ffe-7d33-b0b7-aa1da0be6acb,01a1724d-760c-7cac-8209-67d3a999b194,01a18413-c60a-7de5-9083-5b21f843a3a4,01a18856-dfad-7682-a2c0-aec94b4426c2,01a17518-a09b-7b72-8308-679861e4a7e8,01a17b78-04b9-784f-b1b6-e20b55ad351a,01a191d9-e9b3-7c5c-ac9e-bd82e983826f,01a16fbc-c31d-76d9-bd1b-9370b373e580,01a18cf2-0d5b-74d7-8761-eeed702105e4,01a17303-6542-7186-b029-67db0e21ff00,01a181a4-da4c-7a13-842d-73de36b46dcf,01a1920b-96eb-7252-930e-6296bf3571d1,01a18ac8-4696-7e94-8578-5cba7634fdc9,01a18d63-66b1-7f80-8044-667821264bb2,01a1709b-2ce1-7f39-be9b-83dad360d10a,01a18ee5-a6f0-7695-bdb9-bccaf4855e90,01a18d77-71bc-7f6b-bdcb-848c9bc0b65c,01a17226-6111-7c75-b7af-f662778375b6,01a189de-4ddf-7075-9836-9359a24767f6}'::uuid[])
ORDER BY p.position;
