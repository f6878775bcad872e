// examples/blog in a real browser, served from its own origin by a tiny static server, against a Cms
// filled with the sample posts of tests/samples/_posts (created through the API here, since the import is
// not this test's subject) and a few older posts so that the list needs more than one page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { deflateSync } from "node:zlib";
import { launch, api, cmsUrl, adminKey, artifacts, skip } from "./browser.mjs";

const blogRoot = join(import.meta.dirname, "..", "..", "examples", "blog");
const samples = join(import.meta.dirname, "..", "samples", "_posts");
const port = Number(process.env.CMS_BLOG_PORT || 5180);
const origin = `http://127.0.0.1:${port}`;
const pageSize = 2;

/** The markdown of a sample, after its front matter. */
const bodyOf = (file) => readFileSync(join(samples, file), "utf8").split(/^---$/m).slice(2).join("---").trim();

/** A solid-colour PNG of width × height, encoded here (no image library needed). */
function png(width, height, [r, g, b]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (buf) => { let c = 0xffffffff; for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0); out.write(type, 4, "latin1"); data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0); header.writeUInt32BE(height, 4); header[8] = 8; header[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

async function upload(bytes, name, alt) {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type: "image/png" }), name);
  form.append("alt", alt);
  const response = await fetch(`${cmsUrl}/api/v1/images`, { method: "POST", headers: { Authorization: `Bearer ${adminKey}` }, body: form });
  assert.ok(response.ok, await response.clone().text());
  return response.json();
}

let chromium, server;
const posts = {};

before(async () => {
  if (skip) return;
  // The samples, by hand from their front matter.
  for (const [slug, name] of [["badely", "Badely"], ["maria", "Maria"], ["tom-okafor", "Tom Okafor"]]) {
    await api("POST", "/api/v1/authors", { name, slug, bio: `${name} writes for the example blog.` });
  }
  const news = await upload(png(800, 450, [30, 60, 120]), "5131f2c8423467ca0485590d6236d76e.png", "Leaders in Paris");
  posts.news = await api("POST", "/api/v1/posts", {
    title: "Breaking: UK and France to send troops to Ukraine if peace deal agreed",
    excerpt: "The announcement was made by UK PM Sir Keir Starmer after a meeting of Ukraine's allies in Paris.",
    body: bodyOf("2026-01-06-uk-and-france-to-send-troops-to-ukraine.md"),
    status: "published", publishedAt: "2026-01-06T22:30:55Z", authors: ["badely"], categories: ["News"], tags: [],
    featureImageId: news.id, metadata: { layout: "post", image: "assets/images/5131f2c8423467ca0485590d6236d76e.jpg" },
  });
  const garden = bodyOf("2025-11-30-winter-gardening-notes.md");
  posts.garden = await api("POST", "/api/v1/posts", {
    title: "Winter gardening notes: what to plant before the frost",
    excerpt: garden.split("<!--more-->")[0].replace(/\*\*/g, "").trim(), body: garden,
    status: "published", publishedAt: "2025-11-30T08:15:00+01:00", authors: ["maria", "tom-okafor"],
    categories: ["Lifestyle"], tags: ["gardening", "winter", "how-to"],
    metadata: { layout: "post", permalink: "/lifestyle/winter-gardening/", excerpt_separator: "<!--more-->", comments: true },
  });
  posts.draft = await api("POST", "/api/v1/posts", {
    title: "Leap day — 東京 café notes ☕", body: bodyOf("2024-02-29-draft-leap-day.md"),
    status: "draft", publishedAt: "2024-02-29T00:00:00Z", authors: ["badely"],
    categories: ["Travel", "Food"], tags: ["japan", "coffee", "leap year"],
  });
  // Older posts, so that the home page needs the cursor.
  for (const n of [1, 2, 3]) {
    posts[`archive${n}`] = await api("POST", "/api/v1/posts", {
      title: `From the archive, part ${n}`, excerpt: `An older post, number ${n}.`, body: `Archive text ${n}.`,
      status: "published", publishedAt: `2025-06-0${4 - n}T12:00:00Z`, authors: ["maria"], tags: ["archive"],
    });
  }

  // The blog, from its own origin; config.js points it at the Cms under test.
  server = createServer((request, response) => {
    const path = new URL(request.url, origin).pathname;
    if (path === "/config.js") {
      response.writeHead(200, { "Content-Type": "text/javascript" });
      return response.end(`window.CMS_URL = ${JSON.stringify(cmsUrl)};\nwindow.CMS_PAGE_SIZE = ${pageSize};\n`);
    }
    const file = normalize(join(blogRoot, path === "/" ? "index.html" : path));
    if (!file.startsWith(blogRoot)) { response.writeHead(403); return response.end(); }
    try {
      const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
      const bytes = readFileSync(file);
      response.writeHead(200, { "Content-Type": `${types[extname(file)] ?? "application/octet-stream"}; charset=utf-8` });
      response.end(bytes);
    } catch {
      response.writeHead(404); response.end("not found");
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  chromium = await launch();
});

after(async () => {
  await chromium?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

async function open(hash, viewport = { width: 1000, height: 1400 }) {
  const page = await chromium.context.newPage();
  await page.setViewportSize(viewport);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(`${origin}/${hash}`);
  return { page, errors };
}

const titles = (page) => page.locator(".posts .card h2").allInnerTexts();

test("home: the latest posts with feature images, newest first, then more as the reader scrolls (cursor)", { skip }, async () => {
  // Other suites share this Cms (their posts appear too): the checks look at the posts made here.
  const ours = [posts.news, posts.garden, posts.archive1, posts.archive2, posts.archive3].map((p) => p.title);
  const { page, errors } = await open("", { width: 900, height: 500 });
  const cursorRequests = [];
  page.on("request", (r) => { if (r.url().startsWith(cmsUrl) && r.url().includes("cursor=")) cursorRequests.push(r.url()); });
  await page.locator(".posts .card").first().waitFor();
  assert.equal(await page.locator("main h1").innerText(), "Latest posts");
  const news = page.locator(`.posts .card[data-slug="${posts.news.slug}"]`);
  await news.waitFor();
  const image = news.locator("img");
  await image.evaluate((img) => img.complete || new Promise((resolve) => { img.onload = img.onerror = resolve; }));
  assert.ok(await image.evaluate((img) => img.naturalWidth > 0), "the feature image loads from /media");
  assert.equal(await image.getAttribute("alt"), "Leaders in Paris");
  assert.match(await image.getAttribute("src"), /\/media\/[0-9a-f]{64}\.png\?w=320$/);
  await page.screenshot({ path: join(artifacts, "blog-home.png") });

  assert.ok(!(await page.locator(".status").innerText()).includes("everything"), "more pages remain before scrolling");
  const before = (await titles(page)).length;
  for (let i = 0; i < 30 && !(await page.locator(".status").innerText()).includes("everything"); i++) {
    await page.locator("#sentinel").scrollIntoViewIfNeeded();
    await page.waitForTimeout(150);
  }
  const all = await titles(page);
  assert.ok(all.length > before, `scrolling loaded more posts (${before} → ${all.length})`);
  assert.deepEqual(all.filter((t) => ours.includes(t)), ours, "newest first, each once");
  assert.equal(new Set(all).size, all.length, "no post twice");
  assert.ok(cursorRequests.length >= 2, `the next pages come with the cursor (${cursorRequests.length})`);
  assert.ok(!(await page.content()).includes("Leap day"), "the draft is not shown");
  assert.deepEqual(errors, []);
});

test("post page: the html of the body, the byline, tags and categories", { skip }, async () => {
  const { page, errors } = await open(`#/post/${posts.garden.slug}`);
  const article = page.locator("article.post");
  await article.waitFor();
  assert.equal(await article.locator("h1").innerText(), posts.garden.title);
  assert.equal(await article.locator(".body h2").innerText(), "Garlic");
  assert.equal(await article.locator(".body strong").first().innerText(), "before");
  assert.match(await article.locator(".body blockquote").innerText(), /A garden in winter is a promise/);
  assert.equal(await article.locator('.body a[href="https://www.rhs.org.uk/"]').innerText(), "the RHS guide");
  assert.equal(await article.locator(".body li").count(), 2);
  assert.deepEqual(await article.locator(".meta a.author").allInnerTexts(), ["Maria", "Tom Okafor"]);
  assert.deepEqual(await article.locator(".tags a").allInnerTexts(), ["#gardening", "#winter", "#how-to"]);
  assert.match(await article.innerText(), /Filed under Lifestyle/);
  await page.screenshot({ path: join(artifacts, "blog-post.png"), fullPage: true });

  // The news post: its feature image at a width the API serves, and its paragraphs.
  await page.goto(`${origin}/#/post/${posts.news.slug}`);
  await page.locator("article.post img.feature").waitFor();
  assert.match(await page.locator("article.post img.feature").getAttribute("src"), /\?w=1280$|\.png$/);
  assert.ok((await page.locator("article.post .body p").count()) >= 8);
  assert.ok(!(await page.locator("article.post .body").innerText()).includes("<p>"));

  // A draft is not found by readers.
  await page.goto(`${origin}/#/post/${posts.draft.slug}`);
  await page.locator("main h1").filter({ hasText: "Not found" }).waitFor();
  assert.deepEqual(errors.filter((e) => !e.includes("404")), []);
});

test("tag and author pages list their posts; links lead there", { skip }, async () => {
  const { page, errors } = await open(`#/post/${posts.garden.slug}`);
  await page.locator("article.post .tags a", { hasText: "#winter" }).click();
  await page.locator("main h1", { hasText: "Posts tagged winter" }).waitFor();
  await page.locator(".posts .card").first().waitFor();
  assert.deepEqual(await titles(page), [posts.garden.title]);

  await page.goto(`${origin}/#/author/badely`);
  await page.locator("main h1", { hasText: "Badely" }).waitFor();
  await page.locator(".posts .card").first().waitFor();
  assert.deepEqual(await titles(page), [posts.news.title], "the draft by the same author stays hidden");
  assert.match(await page.locator(".bio").innerText(), /writes for the example blog/);

  await page.locator(".posts .card h2 a").first().click();
  await page.locator("article.post h1", { hasText: "Breaking" }).waitFor();
  await page.locator("article.post .meta a.author", { hasText: "Badely" }).click();
  await page.locator("main h1", { hasText: "Badely" }).waitFor();
  assert.deepEqual(errors, []);
});

test("search box: matching posts with the passages highlighted", { skip }, async () => {
  const { page, errors } = await open("");
  await page.locator("#search input").fill("Starmer");
  await page.locator("#search button").click();
  await page.locator("main h1", { hasText: "Search: Starmer" }).waitFor();
  await page.locator(".posts .card").first().waitFor();
  assert.deepEqual(await titles(page), [posts.news.title]);
  assert.match(await page.locator(".posts .card .highlight mark").first().innerText(), /Starmer/i);
  await page.screenshot({ path: join(artifacts, "blog-search.png") });

  await page.locator("#search input").fill("frost garlic");
  await page.locator("#search button").click();
  await page.locator("main h1", { hasText: "Search: frost garlic" }).waitFor();
  await page.locator(".posts .card").first().waitFor();
  assert.deepEqual(await titles(page), [posts.garden.title]);

  await page.locator("#search input").fill("zanzibar");
  await page.locator("#search button").click();
  await page.locator(".status", { hasText: "Nothing matches." }).waitFor();
  assert.deepEqual(errors, []);
});
