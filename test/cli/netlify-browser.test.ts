// The privacy issue's header test: the seed site served with exactly the headers netlify.toml
// gives each path, opened in Chromium. No page reports a Content-Security-Policy violation or
// a script error, and search (Pagefind's WebAssembly in a worker) still works.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/site/build-site.ts";
import { hasChromium, launchChromium } from "../browser/browser.ts";
import { startStaticServer, type StaticServer } from "../browser/static-server.ts";
import { netlifyHeadersFor } from "./netlify-headers.ts";

describe.skipIf(!hasChromium)("the site under netlify.toml's headers", () => {
  let outDir = "";
  let server: StaticServer;
  let browser: Browser;
  const problems: string[] = [];

  async function open(pathname: string): Promise<Page> {
    const page = await browser.newPage();
    // The browser's own report of a blocked script, style, image, worker or fetch.
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
      });
    });
    page.on("console", (message) => {
      // A missing file is reported by the response below, with its URL.
      if (/^Failed to load resource/.test(message.text())) return;
      if (message.type() === "error" || /Content.Security.Policy|Refused to/i.test(message.text())) {
        problems.push(`${pathname}: ${message.text()}`);
      }
    });
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${pathname}: ${response.status()} ${new URL(response.url()).pathname}`);
    });
    page.on("pageerror", (error) => problems.push(`${pathname}: page error: ${error.message}`));
    const response = await page.goto(server.origin + pathname, { waitUntil: "load" });
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    return page;
  }

  beforeAll(async () => {
    outDir = path.join(await mkdtemp(path.join(tmpdir(), "dotlog-headers-")), "site");
    await buildSite({ contentDir: "content", outDir });
    server = await startStaticServer({ root: outDir, headers: netlifyHeadersFor });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) await rm(path.dirname(outDir), { recursive: true, force: true });
  });

  it.each([
    ["home", "/"],
    ["an entry with transcripts", "/2012/11/07/1459-rpcbind/"],
    ["a day", "/2012/11/05/"],
    ["the tags", "/tags/"],
    ["a tag", "/tags/virtualization/"],
    ["the archive", "/archive/"],
    ["the blog", "/blog/"],
  ])("loads %s without a violation", async (_name, pathname) => {
    const page = await open(pathname);
    await page.waitForLoadState("networkidle");
    await page.close();
  });

  it("still searches: Pagefind's worker and WebAssembly run under the policy", async () => {
    const page = await open("/search/?q=rpcbind");
    const first = page.locator(".search-result-title a").first();
    await first.waitFor({ timeout: 30_000 });
    expect(await first.textContent()).toBe("rpcbind");
    await page.close();
  });

  it("reported no violation and no script error on any page", () => {
    expect(problems).toEqual([]);
  });
});
