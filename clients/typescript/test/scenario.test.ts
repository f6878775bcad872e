// The integrator's scenario, run by .ci/run against a live Cms it starts (CMS_URL, CMS_ADMIN_KEY):
// an author, a tag, an image upload used as a post's feature image, a list by tag, cursor paging,
// an update with If-Match and the 412 of a stale version. Compiled by tsc, run by `node --test`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createCmsClient, ifMatch, uploadImage, type Post } from "../src/index.js";

const baseUrl = process.env.CMS_URL;
const apiKey = process.env.CMS_ADMIN_KEY;
const skip = !baseUrl || !apiKey ? "CMS_URL and CMS_ADMIN_KEY are not set" : false;

/** A 1 × 1 PNG (a red pixel). */
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);

test("the TypeScript client walks the integrator's scenario", { skip }, async () => {
  const cms = createCmsClient({ baseUrl: baseUrl!, apiKey });
  const readers = createCmsClient({ baseUrl: baseUrl! });
  const run = Date.now().toString(36);

  // An author and a tag.
  const author = await cms.POST("/api/v1/authors", { body: { name: `Ada Lovelace ${run}`, bio: "Wrote the first program." } });
  assert.equal(author.response.status, 201, JSON.stringify(author.error));
  assert.ok(author.data);
  assert.equal(author.response.headers.get("ETag"), `"${author.data.version}"`);
  const tag = await cms.POST("/api/v1/tags", { body: { name: `Engines ${run}` } });
  assert.equal(tag.response.status, 201, JSON.stringify(tag.error));
  assert.ok(tag.data);

  // An image, then a post with it as the feature image.
  const image = await uploadImage(cms, new Blob([png], { type: "image/png" }), "pixel.png", { alt: "A red pixel" });
  assert.ok(image.response.status === 201 || image.response.status === 200, JSON.stringify(image.error));
  assert.ok(image.data);
  assert.equal(image.data.width, 1);
  assert.equal(image.data.contentType, "image/png");

  const [authorSlug, tagSlug, imageId] = [author.data.slug, tag.data.slug, image.data.id];
  const created: Post[] = [];
  for (const n of [1, 2, 3]) {
    const post = await cms.POST("/api/v1/posts", {
      body: {
        title: `Notes on the engine, part ${n} ${run}`,
        body: `# Part ${n}\n\nThe *analytical* engine.`,
        status: "published" as const,
        publishedAt: new Date(Date.UTC(2026, 0, n)).toISOString(),
        authors: [authorSlug],
        tags: [tagSlug],
        featureImageId: n === 3 ? imageId : undefined,
      },
    });
    assert.equal(post.response.status, 201, JSON.stringify(post.error));
    assert.ok(post.data);
    created.push(post.data);
  }
  const featured = created[2]!;
  assert.equal(featured.featureImage?.id, image.data.id);
  assert.equal(featured.featureImage?.alt, "A red pixel");
  assert.match(featured.html ?? "", /<em>analytical<\/em>/);

  // List by tag, as a reader without a key: newest first.
  const byTag = await readers.GET("/api/v1/posts", { params: { query: { tag: tag.data.slug, fields: "id,slug,title,featureImage" } } });
  assert.equal(byTag.response.status, 200, JSON.stringify(byTag.error));
  assert.deepEqual(byTag.data?.items.map((p) => p.id), [...created].reverse().map((p) => p.id));
  assert.equal(byTag.data?.items[0]?.featureImage?.url, image.data.url);

  // Page with the cursor, one post at a time.
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 10; guard++) {
    const page = await readers.GET("/api/v1/posts", { params: { query: { tag: tagSlug, pageSize: 1, cursor } } });
    assert.equal(page.response.status, 200, JSON.stringify(page.error));
    seen.push(...(page.data?.items ?? []).map((p) => p.id));
    cursor = page.data?.pagination.nextCursor ?? undefined;
    if (!cursor) break;
  }
  assert.deepEqual(seen, [...created].reverse().map((p) => p.id));

  // Update with If-Match: a new version; the old version again is a 412 that changes nothing.
  const stale = ifMatch(featured);
  const updated = await cms.PATCH("/api/v1/posts/{id}", {
    params: { path: { id: featured.id }, header: { "If-Match": stale } },
    body: { excerpt: "Shorter." },
  });
  assert.equal(updated.response.status, 200, JSON.stringify(updated.error));
  assert.equal(updated.data?.excerpt, "Shorter.");
  assert.notEqual(updated.data?.version, featured.version);

  const conflict = await cms.PUT("/api/v1/posts/{id}", {
    params: { path: { id: featured.id }, header: { "If-Match": stale } },
    body: { title: "Stale title" },
  });
  assert.equal(conflict.response.status, 412);
  assert.equal(conflict.data, undefined);
  assert.equal(conflict.error?.status, 412);
  assert.ok(conflict.error?.traceId, "problems carry the traceId");
  assert.equal(conflict.response.headers.get("Content-Type")?.split(";")[0], "application/problem+json");

  const current = await readers.GET("/api/v1/posts/slug/{slug}", { params: { path: { slug: featured.slug } } });
  assert.equal(current.data?.title, featured.title);
  assert.equal(current.data?.version, updated.data?.version);
});
