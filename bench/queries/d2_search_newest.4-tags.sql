-- GET /api/v1/posts?q=government&sort=-publishedAt: the statement that loads the tags of the page, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit 6ad8c28: SQL text and values from
-- the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
SELECT p.post_id, t.id, t.slug, t.name
FROM post_tags AS p
INNER JOIN tags AS t ON p.tag_id = t.id
WHERE p.post_id = ANY ('{01a17a63-5d5b-7c8e-bfac-db1cba448c84,01a16fbc-c31d-76d9-bd1b-9370b373e580,01a18cf2-0d5b-74d7-8761-eeed702105e4,01a17303-6542-7186-b029-67db0e21ff00,01a181a4-da4c-7a13-842d-73de36b46dcf,01a1920b-96eb-7252-930e-6296bf3571d1,01a18ac8-4696-7e94-8578-5cba7634fdc9,01a18d63-66b1-7f80-8044-667821264bb2,01a1709b-2ce1-7f39-be9b-83dad360d10a,01a17226-6111-7c75-b7af-f662778375b6,01a189de-4ddf-7075-9836-9359a24767f6,01a18dab-8665-769b-9c9d-13d7117d84f4,01a17ad7-7eae-7777-b5e8-acd1b1194238,01a18f2b-2a02-7052-8845-b44d9ecfa615,01a17816-5400-72e9-ae24-c3aa3077bb28,01a17c96-9a43-720b-ac62-bf9969ec48a1,01a17b9e-21d6-7c58-8e49-f15685777d93,01a176f4-bc3e-7070-b0c7-6bae2f15e734,01a18482-6cef-7488-a92e-eb36d150f217,01a185d6-2846-73ce-a007-716135260e15}'::uuid[])
ORDER BY p.position;
