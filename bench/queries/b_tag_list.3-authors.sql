-- GET /api/v1/posts?tag=kubernetes: the statement that loads the bylines of the page, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit 6ad8c28: SQL text and values from
-- the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
SELECT p.post_id, a.id, a.slug, a.name
FROM post_authors AS p
INNER JOIN authors AS a ON p.author_id = a.id
WHERE p.post_id = ANY ('{01a18eea-44f4-7480-a5cf-ef181337082d,01a16c23-0188-7834-b2e8-e289d3cfabca,01a168b5-5b58-7247-abc3-79bfa91071b6,01a16eb1-686d-7cdc-b980-76bb5e011134,01a16851-15f6-7d80-9d42-b7eb21b8363a,01a162a1-dc8b-7d0e-a00e-950242202a47,01a15ec3-dc2e-7cbe-a3aa-3b003732d6e4,01a16250-6242-7bf9-9f73-d866fa22a814,01a14e19-4132-748d-a9d5-030ceeaadc8f,01a142a8-51a7-711a-a050-679d9bab4306,01a1386a-2885-736c-a1ba-df7fd7491b57,01a12b2a-c382-7263-b665-cb0bce03ef99,01a112f5-a71b-71d4-9236-a43c00b4d3b8,01a12e29-d11a-74c3-af22-88a3f402067b,01a11fe7-652f-7163-9f1f-45220cc51f62,01a10882-ae3c-72fa-8fe2-27bf64971bc5,01a12244-6b6e-7720-b346-308ce88e94f2,01a11884-700c-7e6e-a85e-6f751617a943,01a11163-d5ef-704f-aac4-bb8d84077d81,01a0f738-6509-769b-be07-0cd469607ea1}'::uuid[])
ORDER BY p.position;
