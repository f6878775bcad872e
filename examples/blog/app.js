// The example blog: plain JavaScript against the public Cms API, no build step.
// Routes (hash based, so any static server works): #/ (latest posts), #/tag/{slug},
// #/author/{slug}, #/post/{slug}, #/search?q=... Lists page with the cursor as you scroll.
const api = (window.CMS_URL || "").replace(/\/$/, "");
const pageSize = window.CMS_PAGE_SIZE || 6;
const main = document.getElementById("main");
const sentinel = document.getElementById("sentinel");
const listFields = "id,slug,title,excerpt,publishedAt,featureImage,authors,tags";

/** GET a Cms path; a problem (application/problem+json) becomes an Error with its title and status. */
async function cms(path) {
  const response = await fetch(api + path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const error = new Error(problem.title || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k === "html") node.innerHTML = v; // only for HTML that Cms sanitized or escaped
    else node.setAttribute(k, v);
  }
  for (const child of children.flat()) if (child != null) node.append(child);
  return node;
};

/** The image URL at a width the API serves as a variant (?w=), never wider than the original. */
function imageUrl(image, width) {
  const url = image.url.startsWith("http") ? image.url : api + image.url;
  return image.width > width ? `${url}?w=${width}` : url;
}

const date = (iso) => (iso ? new Date(iso).toLocaleDateString("en-GB", { year: "numeric", month: "long", day: "numeric" }) : "");

function byline(post) {
  const authors = (post.authors || []).map((a) => el("a", { href: `#/author/${a.slug}`, class: "author" }, a.name));
  const parts = [date(post.publishedAt)];
  return el("p", { class: "meta" }, ...parts, authors.length ? " · by " : "", ...authors.flatMap((a, i) => (i ? [", ", a] : [a])));
}

const tagLinks = (post) => el("p", { class: "tags" }, (post.tags || []).map((t) => el("a", { href: `#/tag/${t.slug}`, class: "tag" }, `#${t.name}`)));

function card(post) {
  const image = post.featureImage
    ? el("img", { src: imageUrl(post.featureImage, 320), alt: post.featureImage.alt || "", loading: "lazy", width: "160", height: "112" })
    : el("div", { class: "placeholder", "aria-hidden": "true" });
  return el("li", { class: "card", "data-slug": post.slug },
    el("a", { href: `#/post/${post.slug}`, tabindex: "-1" }, image),
    el("div", {},
      el("h2", {}, el("a", { href: `#/post/${post.slug}` }, post.title)),
      byline(post),
      post.highlight ? el("p", { class: "highlight", html: post.highlight }) : post.excerpt ? el("p", { class: "excerpt" }, post.excerpt) : null,
      tagLinks(post)));
}

// Infinite scroll: the list keeps the nextCursor of its last page and loads the next one when the
// sentinel below the list comes into view.
let feed = null;
const observer = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) loadMore(); }, { rootMargin: "200px" });
observer.observe(sentinel);

function startFeed(heading, query, empty) {
  const list = el("ul", { class: "posts" });
  const status = el("p", { class: "status" });
  main.replaceChildren(heading, list, status);
  feed = { query, list, status, cursor: undefined, done: false, loading: false, empty, token: Symbol() };
  return loadMore();
}

async function loadMore() {
  if (!feed || feed.done || feed.loading) return;
  const current = feed;
  current.loading = true;
  current.status.textContent = "Loading…";
  const params = new URLSearchParams({ ...current.query, pageSize: String(pageSize) });
  if (current.cursor) params.set("cursor", current.cursor);
  try {
    const page = await cms(`/api/v1/posts?${params}`);
    if (feed !== current) return; // the reader went elsewhere meanwhile
    current.list.append(...page.items.map(card));
    current.cursor = page.pagination.nextCursor;
    current.done = !current.cursor;
    current.status.textContent = current.list.children.length === 0 ? current.empty : current.done ? "That's everything." : "";
  } catch (error) {
    current.status.replaceChildren(el("span", { class: "error" }, `Could not load posts: ${error.message}`));
    current.done = true;
  } finally {
    current.loading = false;
  }
  // A short first page may not fill the screen: keep going while the sentinel is visible.
  if (feed === current && !current.done && sentinel.getBoundingClientRect().top < innerHeight + 200) loadMore();
}

async function showPost(slug) {
  feed = null;
  main.replaceChildren(el("p", { class: "status" }, "Loading…"));
  try {
    const post = await cms(`/api/v1/posts/slug/${encodeURIComponent(slug)}`);
    document.title = `${post.title} — The Example Blog`;
    main.replaceChildren(el("article", { class: "post" },
      el("h1", {}, post.title),
      byline(post),
      post.featureImage ? el("img", { class: "feature", src: imageUrl(post.featureImage, 1280), alt: post.featureImage.alt || "" }) : null,
      el("div", { class: "body", html: post.html || "" }), // sanitized by Cms
      tagLinks(post),
      (post.categories || []).length ? el("p", { class: "meta" }, "Filed under ", post.categories.join(", ")) : null));
  } catch (error) {
    main.replaceChildren(el("h1", {}, error.status === 404 ? "Not found" : "Something went wrong"), el("p", { class: "error" }, error.message));
  }
}

async function showTag(slug) {
  const heading = el("h1", {}, `#${slug}`);
  cms(`/api/v1/tags/slug/${encodeURIComponent(slug)}`).then((tag) => { heading.textContent = `Posts tagged ${tag.name}`; }).catch(() => {});
  return startFeed(heading, { tag: slug, fields: listFields }, "No posts with this tag.");
}

async function showAuthor(slug) {
  const heading = el("header", {}, el("h1", {}, slug));
  cms(`/api/v1/authors/slug/${encodeURIComponent(slug)}`).then((author) => {
    heading.replaceChildren(el("h1", {}, author.name), author.bio ? el("p", { class: "bio" }, author.bio) : "");
  }).catch(() => {});
  return startFeed(heading, { author: slug, fields: listFields }, "No posts by this author yet.");
}

function route() {
  const [path, search = ""] = (location.hash.slice(1) || "/").split("?");
  const [, kind, raw] = path.split("/");
  const slug = raw ? decodeURIComponent(raw) : "";
  document.title = "The Example Blog";
  if (kind === "post" && slug) return showPost(slug);
  if (kind === "tag" && slug) return showTag(slug);
  if (kind === "author" && slug) return showAuthor(slug);
  if (kind === "search") {
    const q = new URLSearchParams(search).get("q") || "";
    document.querySelector("#search input").value = q;
    return startFeed(el("h1", {}, `Search: ${q}`), { q, fields: listFields + ",highlight" }, "Nothing matches.");
  }
  return startFeed(el("h1", {}, "Latest posts"), { fields: listFields }, "No posts yet.");
}

document.getElementById("search").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = new FormData(event.target).get("q").trim();
  location.hash = q ? `#/search?q=${encodeURIComponent(q)}` : "#/";
});
addEventListener("hashchange", () => { scrollTo(0, 0); route(); });
route();
