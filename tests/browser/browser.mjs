// Launches Debian's Chromium (CMS_CHROMIUM, /usr/bin/chromium by default) through playwright-core:
// no browser download, a fresh profile (--user-data-dir) each time, nothing that calls home.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const cmsUrl = process.env.CMS_URL;
export const adminKey = process.env.CMS_ADMIN_KEY;
export const artifacts = process.env.CMS_ARTIFACTS ?? join(process.cwd(), "artifacts");
export const skip = !cmsUrl || !adminKey ? "CMS_URL and CMS_ADMIN_KEY are not set" : false;

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "cms-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CMS_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
    viewport: { width: 1280, height: 1600 },
  });
  mkdirSync(artifacts, { recursive: true });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Calls the API directly (setup data), with the admin key. */
export async function api(method, path, body) {
  const response = await fetch(cmsUrl + path, {
    method,
    headers: { Authorization: `Bearer ${adminKey}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}
