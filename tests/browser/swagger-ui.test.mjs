// Swagger UI in a real browser: Authorize with a key, "Try it out" on createPost and on listPosts,
// and read the 201 and the 200, with their bodies, from the page. Screenshots go to artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, cmsUrl, adminKey, artifacts, skip } from "./browser.mjs";

let chromium;
before(async () => { if (!skip) chromium = await launch(); });
after(async () => { await chromium?.close(); });

/** The live response of an expanded operation: its status code and its body as the page shows them. */
async function liveResponse(operation) {
  const row = operation.locator(".live-responses-table tbody tr.response").first();
  await row.waitFor({ timeout: 15000 });
  const status = (await row.locator(".response-col_status").innerText()).trim();
  const body = await row.locator(".response-col_description pre.microlight, .response-col_description .highlight-code pre").first().innerText();
  return { status, body };
}

test("Swagger UI: authorize, create a post, list posts", { skip }, async () => {
  const page = await chromium.context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(`${cmsUrl}/swagger/index.html`);
  await page.locator("#operations-Posts-createPost").waitFor({ timeout: 30000 });

  // Authorize: the bearer scheme's form in the dialog.
  await page.locator(".auth-wrapper button.authorize").click();
  const dialog = page.locator(".dialog-ux .modal-ux");
  const bearer = dialog.locator(".auth-container").filter({ hasText: "bearer" }).first();
  await bearer.locator("input").fill(adminKey);
  await bearer.locator("button.authorize").click();
  await bearer.locator("button.btn-done, button:has-text('Logout')").first().waitFor();
  await dialog.locator("button.btn-done").first().click();
  assert.equal(await page.locator(".auth-wrapper button.authorize.locked").count(), 1, "the Authorize button shows a closed lock");

  // createPost: Try it out with a body of our own, Execute, 201 and the post in the body.
  const title = `Tried in Swagger UI ${Date.now().toString(36)}`;
  const create = page.locator("#operations-Posts-createPost");
  await create.locator(".opblock-summary").click();
  await create.locator("button.try-out__btn").click();
  await create.locator("textarea.body-param__text").fill(JSON.stringify({
    title, body: "Hello from **Swagger UI**.", status: "published", tags: ["swagger-ui"],
  }, null, 2));
  await create.locator("button.execute").click();
  const created = await liveResponse(create);
  assert.equal(created.status, "201");
  const post = JSON.parse(created.body);
  assert.equal(post.title, title);
  assert.equal(post.status, "published");
  assert.match(post.html, /<strong>Swagger UI<\/strong>/);
  assert.deepEqual(post.tags.map((t) => t.slug), ["swagger-ui"]);
  await create.screenshot({ path: join(artifacts, "swagger-ui-createPost.png") });

  // listPosts: Try it out, clear the example values Swagger UI fills in, filter by the tag, Execute.
  const list = page.locator("#operations-Posts-listPosts");
  await list.locator(".opblock-summary").click();
  await list.locator("button.try-out__btn").click();
  for (const input of await list.locator(".parameters input[type=text], .parameters input:not([type])").all()) await input.fill("");
  await list.locator('tr[data-param-name="tag"] input').fill("swagger-ui");
  await list.locator('tr[data-param-name="fields"] input').fill("id,slug,title,tags");
  await list.locator("button.execute").click();
  const listed = await liveResponse(list);
  assert.equal(listed.status, "200");
  const posts = JSON.parse(listed.body);
  assert.ok(posts.items.some((p) => p.id === post.id && p.title === title), listed.body);
  assert.equal(posts.items.find((p) => p.id === post.id).html, undefined, "fields= leaves html out");
  await list.screenshot({ path: join(artifacts, "swagger-ui-listPosts.png") });
  await page.screenshot({ path: join(artifacts, "swagger-ui.png"), fullPage: true });
});
