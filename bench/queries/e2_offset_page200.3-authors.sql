-- GET /api/v1/posts?page=200: the statement that loads the bylines of the page, as the API (EF Core 10 + Npgsql) sent it, parameters written as literals.
-- Captured on bench/data/generate.sql data (100,000 posts) from Cms at commit 6ad8c28: SQL text and values from
-- the PostgreSQL log (log_min_duration_statement = 0); see docs/performance.md.
SELECT p.post_id, a.id, a.slug, a.name
FROM post_authors AS p
INNER JOIN authors AS a ON p.author_id = a.id
WHERE p.post_id = ANY ('{019fdb4a-8b57-7bec-81d0-8ef2b98b6a56,019fcd47-3b41-7241-97a4-26b3a26807ba,019fd669-0ed6-7ddb-8fd4-2da60aa1a790,019fd71d-ea80-7201-8c42-5572817e133c,019fd75a-4413-7926-b171-4beb97e560a7,019fd7ac-3255-7744-9b42-60435b6f4f19,019fd274-7803-766a-84bf-c8e78a213db1,019fe0b9-6856-7ca0-a110-4902461e66da,019fd674-954f-70c7-8e17-80791cb90c86,019fcdab-4540-7447-8fcd-36c45fdedec9,019fcac7-eb9b-7fcb-920e-4ee7eb7d89dc,019fdd19-47e5-7d9b-9d06-9e5f8ea63a56,019fed06-f46d-79e4-994f-8f0d240f9312,019fe208-770f-7ad7-8d15-00f09242f2bf,019fe472-6539-7d16-9c3f-52a1f0098950,019fdbb0-48ef-74e3-ae9b-0aada8269207,019fecd2-f679-7013-8ba2-40d347d81463,019fe851-9448-7a12-bdb5-69a7d3b2bbed,019fec07-abd1-7bb2-a938-5ac959730c3d,019fdad7-3fa0-7683-b30e-1ea991d60123}'::uuid[])
ORDER BY p.position;
