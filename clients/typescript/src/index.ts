// A typed client for the Cms API: openapi-fetch over the types openapi-typescript generates from
// openapi.yaml (src/schema.d.ts, regenerated with `npm run generate`). Every path, parameter, body
// and response is checked by the compiler, so a change of the contract breaks `tsc --noEmit`.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths } from "./schema.js";
export type Schemas = components["schemas"];
export type Post = Schemas["PostResponse"];
export type PostInput = Schemas["PostInput"];
export type Author = Schemas["AuthorResponse"];
export type Tag = Schemas["TagResponse"];
export type Image = Schemas["ImageResponse"];
export type Problem = Schemas["ProblemDetails"];
export type CmsClient = Client<paths>;

export interface CmsClientOptions {
  /** Where Cms runs, e.g. "https://cms.example" (the paths start with /api/v1). */
  baseUrl: string;
  /** An API key: sent as "Authorization: Bearer <key>". Leave out for public reads. */
  apiKey?: string;
  /** Another fetch (tests, proxies); the global one by default. */
  fetch?: typeof globalThis.fetch;
}

/** Creates a client; `client.GET("/api/v1/posts", { params: { query: { tag: "news" } } })`. */
export function createCmsClient(options: CmsClientOptions): CmsClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  if (options.apiKey) {
    const auth: Middleware = {
      onRequest({ request }) {
        request.headers.set("Authorization", `Bearer ${options.apiKey}`);
        return request;
      },
    };
    client.use(auth);
  }
  return client;
}

/** The If-Match value for a resource read earlier: its version, quoted as the ETag is. */
export function ifMatch(resource: { version: string }): string {
  return `"${resource.version}"`;
}

/**
 * Uploads an image to the media library (multipart/form-data). openapi-typescript types the file
 * part as a string (format: binary), so the form is built here and handed to fetch as it is.
 */
export async function uploadImage(
  client: CmsClient,
  file: Blob,
  fileName: string,
  details: { alt?: string; caption?: string } = {},
) {
  const form = new FormData();
  form.append("file", file, fileName);
  if (details.alt !== undefined) form.append("alt", details.alt);
  if (details.caption !== undefined) form.append("caption", details.caption);
  return client.POST("/api/v1/images", {
    body: { file: fileName, ...details },
    bodySerializer: () => form,
  });
}
