-- GET /api/v1/posts?author=jose-alvarez: the statement that loads the bylines of the page, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit 6ad8c28: SQL text and values from
-- the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
SELECT p.post_id, a.id, a.slug, a.name
FROM post_authors AS p
INNER JOIN authors AS a ON p.author_id = a.id
WHERE p.post_id = ANY ('{01a18d77-71bc-7f6b-bdcb-848c9bc0b65c,01a18482-6cef-7488-a92e-eb36d150f217,01a18a37-f152-7d56-9550-d51f4a1366dc,01a18ac8-13d4-789e-bd52-f4c9be5549ca,01a17a1f-cabf-7f9a-9c51-c95a68d0c20a,01a17823-0134-7ce4-8cc6-e05fd10a160e,01a16fd7-c3ed-76a4-8902-ad39f26054e2,01a16851-15f6-7d80-9d42-b7eb21b8363a,01a165a1-0ff6-7851-b8e9-72bd3b7173ee,01a14886-5716-7ef3-b1cb-6edb20a40da3,01a15365-9269-7f6c-804b-7350e15f8e6e,01a14a51-159a-7573-8c53-c8aaa8199ea5,01a15671-e69e-713b-9759-39144f4d98f4,01a14746-9018-758d-a832-6bc35af1cb84,01a150a2-a189-783c-bdca-feea04a60e3f,01a13c7b-d96e-7e22-b08a-5329b76eb658,01a13aa5-17cd-7646-92ab-4ebba80b0e21,01a13561-b3ef-767b-8448-b4b166e7b336,01a1304e-a343-70b9-bc0b-f977ea503075,01a13694-4287-76d6-9d00-512a52f7c0b7}'::uuid[])
ORDER BY p.position;
