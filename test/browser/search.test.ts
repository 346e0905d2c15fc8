// The search issue's browser test: the seed built into a temporary folder by the real build,
// served with a strict CSP, searched from the header of the home page, from `/search/?q=`,
// by keyboard alone, and checked with axe-core in light and dark.

import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCorpus } from "../../scripts/make-corpus.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { openBuiltIndex } from "../../src/site/search/open-built-index.ts";
import type { SearchParts } from "../../src/site/search/write-search-index.ts";
import { launchChromium, STRICT_CSP } from "./browser.ts";
import { startStaticServer, type StaticServer } from "./static-server.ts";

const ENTRY = {
  rpcbind: { url: "/2012/11/07/1459-rpcbind/", title: "rpcbind" },
  blockStats: { url: "/2012/11/05/1117-domainblockstats/", title: "domainBlockStats" },
};

describe("search in a browser", () => {
  let outDir: string;
  let server: StaticServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const violations: string[] = [];

  async function open(pathname: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    page.on("console", (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
    await page.goto(server.origin + pathname);
    return page;
  }

  async function resultCount(page: Page): Promise<number> {
    const status = (await page.locator("[data-search-status]").textContent()) ?? "";
    return Number(/^([\d,]+) results?/.exec(status)?.[1]?.replace(/,/g, "") ?? Number.NaN);
  }

  async function firstResult(page: Page) {
    const link = page.locator(".search-result-title a").first();
    await link.waitFor();
    return link;
  }

  beforeAll(async () => {
    outDir = path.join(await mkdtemp(path.join(tmpdir(), "dotlog-browser-")), "site");
    await buildSite({ contentDir: "content", outDir });
    server = await startStaticServer({ root: outDir, headers: { "content-security-policy": STRICT_CSP } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
    if (outDir) await rm(path.dirname(outDir), { recursive: true, force: true });
  });

  it.each([
    ["统计信息", ENTRY.blockStats],
    ["rpcbind", ENTRY.rpcbind],
  ])("the header search on the home page finds %s and leads to its entry", async (query, entry) => {
    const page = await open("/");
    const box = page.getByRole("search").first().getByRole("searchbox");
    await box.fill(query);
    await box.press("Enter");
    await page.waitForURL((url) => url.pathname === "/search/" && url.searchParams.get("q") === query);
    const link = await firstResult(page);
    expect(await link.textContent()).toBe(entry.title);
    await expect.poll(() => page.locator(".search-result").first().locator("mark").count()).toBeGreaterThan(0);
    await link.click();
    await page.waitForURL(server.origin + entry.url);
    expect(await page.locator("h1").textContent()).toBe(entry.title);
  });

  it("searches the query in /search/?q= and shows title, date, tags and a marked excerpt", async () => {
    const page = await open("/search/?q=rpcbind");
    const link = await firstResult(page);
    expect(await link.getAttribute("href")).toBe(ENTRY.rpcbind.url);
    const result = page.locator(".search-result").first();
    expect(await result.locator("time").getAttribute("datetime")).toBe("2012-11-07T14:59");
    expect(await result.locator(".search-result-tag").allTextContents()).toEqual(["software skill", "mount", "network", "nfs", "rpc", "rpcbind"]);
    expect(await result.locator(".search-result-excerpt mark").first().textContent()).toMatch(/rpcbind/);
    expect(await page.locator("[data-search-status]").textContent()).toMatch(/result.* for “rpcbind”/);
    expect(await page.inputValue("#search-q")).toBe("rpcbind");
  });

  it("shows log text in an excerpt as text, never as markup", async () => {
    // gdb printed `name = "qdisk-768", '\\000' <repeats 54 times>` in the 11:17 2012-11-05 entry.
    const page = await open("/search/?q=repeats");
    await firstResult(page);
    const excerpt = page.locator(".search-result-excerpt").first();
    expect(await excerpt.textContent()).toContain("<repeats 54 times>");
    expect(await excerpt.locator("repeats").count()).toBe(0);
    expect(await excerpt.locator("mark").first().textContent()).toMatch(/repeats/);
  });

  it("lists a tag's entries, newest first, with no words typed", async () => {
    const page = await open("/search/?tag=GTD&sort=newest");
    await firstResult(page);
    expect(await resultCount(page)).toBe(5);
    const dates = await page.locator(".search-result time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime")));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("narrows by tag and by year, and keeps the choice in the URL", async () => {
    const page = await open("/search/?q=libvirt");
    await firstResult(page);
    await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
    const all = await resultCount(page);
    // The lists fill when a reader reaches for them.
    await page.focus("select[name=tag]");
    await page.selectOption("select[name=tag]", "xenlight");
    await expect.poll(() => resultCount(page)).toBeLessThan(all);
    expect(await resultCount(page)).toBeGreaterThan(0);
    const tags = await page.locator(".search-result").evaluateAll((items) =>
      items.map((item) => [...item.querySelectorAll(".search-result-tag")].map((tag) => tag.textContent)),
    );
    expect(tags.every((list) => list.includes("xenlight"))).toBe(true);
    expect(new URL(page.url()).searchParams.get("tag")).toBe("xenlight");
    expect(await page.locator("select[name=year] option").allTextContents()).toContain("2012");
  });

  it("shows a few results first and more on request, moving focus to the first new one", async () => {
    const page = await open("/search/?q=libvirt");
    await firstResult(page);
    await expect.poll(() => resultCount(page)).toBeGreaterThan(5);
    expect(await page.locator(".search-result").count()).toBe(5);
    await page.getByRole("button", { name: "Show more results" }).click();
    await expect.poll(() => page.locator(".search-result").count()).toBe(Math.min(15, await resultCount(page)));
    expect(await page.evaluate(() => document.activeElement?.closest(".search-result") === document.querySelectorAll(".search-result")[5])).toBe(true);
  });

  it("works by keyboard alone", async () => {
    const page = await open("/search/");
    await page.keyboard.press("Tab"); // the skip link
    await page.keyboard.press("Enter");
    for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.id === "search-q")); i++) {
      await page.keyboard.press("Tab");
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-q");
    await page.keyboard.type("domainBlockStats");
    await page.keyboard.press("Enter");
    await firstResult(page);
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(ENTRY.blockStats.title);
    await page.keyboard.press("Enter");
    await page.waitForURL(server.origin + ENTRY.blockStats.url);
  });

  it("says clearly that search needs JavaScript when it is off", async () => {
    const page = await open("/search/?q=rpcbind", { javaScriptEnabled: false });
    const note = page.locator(".search-note");
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/needs JavaScript/);
    expect(await page.locator(".search-result").count()).toBe(0);
  });

  it("reports no Content-Security-Policy violation and no script error", () => {
    expect(violations).toEqual([]);
  });

  describe.each(["light", "dark"] as const)("axe-core, %s", (colorScheme) => {
    it.each([
      ["the home page", "/"],
      ["an entry", ENTRY.rpcbind.url],
      ["a tag page", "/tags/libvirt/"],
      ["the tags index, every fold open", "/tags/"],
      ["the search page with results", "/search/?q=rpcbind"],
    ])("finds no violation on %s", async (_name, pathname) => {
      const page = await open(pathname, { colorScheme, bypassCSP: true });
      if (pathname.startsWith("/search/")) await firstResult(page);
      // What a fold hides is not rendered, so axe would not see it.
      if (pathname === "/tags/") await page.locator("details").evaluateAll((folds) => folds.forEach((fold) => fold.setAttribute("open", "")));
      const results = await new AxeBuilder({ page }).analyze();
      const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(found).toEqual([]);
    });
  });
});

describe("search on a site under a path prefix", () => {
  let root: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "dotlog-browser-prefix-"));
    const contentDir = path.join(root, "content");
    await mkdir(contentDir);
    await copyFile("content/000_76b23a5250f26162.txt", path.join(contentDir, "000_76b23a5250f26162.txt"));
    await writeFile(path.join(contentDir, "dotlog.config.json"), JSON.stringify({ pathPrefix: "/notes/" }));
    // Served from the folder above the site, so the site answers under /notes/.
    await buildSite({ contentDir, outDir: path.join(root, "www", "notes") });
    server = await startStaticServer({ root: path.join(root, "www"), headers: { "content-security-policy": STRICT_CSP } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("loads its index from under the prefix and links results under it", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/notes/`);
    await page.getByRole("search").first().getByRole("searchbox").fill("rpcbind");
    await page.keyboard.press("Enter");
    const link = page.locator(".search-result-title a").first();
    await link.waitFor();
    expect(new URL(page.url()).pathname).toBe("/notes/search/");
    expect(await link.getAttribute("href")).toBe(`/notes${ENTRY.rpcbind.url}`);
    await link.click();
    await page.waitForURL(`${server.origin}/notes${ENTRY.rpcbind.url}`);
    await context.close();
  });
});

describe("search over an index in parts", () => {
  // 1,000 entries of the seed and corpus logs repeated with shifted years: the build writes the
  // index as a sealed part and a recent one, merged by the search page.
  let root: string;
  let outDir: string;
  let server: StaticServer;
  let browser: Browser;
  let parts: SearchParts;
  const errors: string[] = [];
  const fetched: string[] = [];
  const partOf = (date: string): number => parts.parts.findIndex((part) => part.from <= date && date <= part.to);

  async function open(pathname: string): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on("console", (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    page.on("requestfinished", (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(server.origin + pathname);
    await page.locator(".search-result-title a").first().waitFor();
    return page;
  }

  /** Every result's date, once "Show more results" has shown them all. */
  async function allDates(page: Page): Promise<string[]> {
    const more = page.getByRole("button", { name: "Show more results" });
    for (let i = 0; i < 50 && (await more.isVisible()); i++) {
      const shown = await page.locator(".search-result").count();
      await more.click();
      await expect.poll(() => page.locator(".search-result").count()).toBeGreaterThan(shown);
    }
    return page.locator(".search-result time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
  }

  async function resultCount(page: Page): Promise<number> {
    const status = (await page.locator("[data-search-status]").textContent()) ?? "";
    return Number(/^([\d,]+) results?/.exec(status)?.[1]?.replace(/,/g, "") ?? Number.NaN);
  }

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "dotlog-browser-parts-"));
    const contentDir = path.join(root, "content");
    outDir = path.join(root, "site");
    await makeCorpus(1000, contentDir);
    await buildSite({ contentDir, outDir });
    parts = JSON.parse(await readFile(path.join(outDir, "pagefind", "parts.json"), "utf8")) as SearchParts;
    server = await startStaticServer({ root: outDir, headers: { "content-security-policy": STRICT_CSP } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("is an index in two parts", () => {
    expect(parts.parts).toHaveLength(2);
  });

  it.each(["newest", "oldest"] as const)("lists hits from both parts in date order (%s first)", async (sort) => {
    const page = await open(`/search/?q=rpcbind&sort=${sort}`);
    const dates = await allDates(page);
    expect(dates).toHaveLength(await resultCount(page));
    expect(new Set(dates.map(partOf))).toEqual(new Set([0, 1]));
    const ordered = [...dates].sort();
    expect(dates).toEqual(sort === "oldest" ? ordered : ordered.reverse());
  });

  it("ranks the best match first across parts, in English and in Chinese", async () => {
    for (const [query, title] of [["rpcbind", "rpcbind"], ["统计信息", "domainBlockStats"]] as const) {
      const page = await open(`/search/?q=${encodeURIComponent(query)}`);
      expect(await page.locator(".search-result-title a").first().textContent()).toBe(title);
      await expect.poll(() => page.locator(".search-result").first().locator("mark").count()).toBeGreaterThan(0);
    }
  });

  it("counts a tag over both parts and lists its entries newest first", async () => {
    const index = await openBuiltIndex(path.join(outDir, "pagefind"));
    const counted = (await index.filters())["tag"]?.["libvirt"];
    await index.destroy();
    const page = await open("/search/?tag=libvirt&sort=newest");
    expect(await resultCount(page)).toBe(counted);
    await page.focus("select[name=tag]");
    await expect.poll(() => page.locator("select[name=tag] option").allTextContents()).toContain("libvirt");
    expect((await page.locator("select[name=tag] option").allTextContents()).filter((tag) => tag === "libvirt")).toHaveLength(1);
    const dates = await allDates(page);
    expect(new Set(dates.map(partOf))).toEqual(new Set([0, 1]));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("loads Pagefind's script, worker and WebAssembly once for a page, and each part's meta once", async () => {
    const before = fetched.length;
    const page = await open("/search/?q=libvirt");
    await page.waitForLoadState("networkidle");
    const mine = fetched.slice(before);
    const count = (pattern: RegExp) => mine.filter((file) => pattern.test(file)).length;
    expect([count(/\/pagefind\.js$/), count(/\/pagefind-worker\.js$/), count(/\.pagefind$/)]).toEqual([1, 1, 1]);
    expect(count(/\.pf_meta$/)).toBe(2);
    expect(mine.filter((file) => file.startsWith("/pagefind/parts/") && /\.(js|pagefind)$/.test(file))).toEqual([]);
  });

  it("reports no script error and no Content-Security-Policy violation", () => {
    expect(errors).toEqual([]);
  });
});
