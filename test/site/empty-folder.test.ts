// A build with a kept cache into a new, empty site folder — every deploy of a CI or of Netlify,
// which keep the cache between builds but not the site — copies the pages whose inputs did not
// change from the cache's page store. Its site must be byte for byte the one a build without
// any cache makes, whatever changed since the cache was filled.

import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, pagesCacheDir, type BuildSiteResult } from "../../src/site/build-site.ts";
import { pageStoreDir } from "../../src/site/incremental/index.ts";
import { authorContent, differencesFromBuildWithoutCache, siteDifferences } from "./compare-sites.ts";
import { fileOf } from "./html.ts";

let root: string;
let content: string;
let cache: string;
let seedLog: string;
let sites = 0;

/** A build with the kept cache into a folder no build wrote before. */
async function intoNewFolder(): Promise<{ run: BuildSiteResult; out: string }> {
  const out = path.join(root, `site-${++sites}`);
  return { run: await buildSite({ contentDir: content, outDir: out, cacheDir: cache }), out };
}

/** The site equals a build of the same content without any cache, file for file and byte for byte. */
async function expectSameAsBuildWithoutCache(out: string): Promise<void> {
  expect(await differencesFromBuildWithoutCache(out, content, root)).toEqual({ onlyA: [], onlyB: [], differing: [] });
}

beforeAll(async () => {
  ({ root, content, seedLog } = authorContent("dotlog-empty-folder-", "Deployed"));
  cache = path.join(root, "cache");
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a build into a new, empty folder from a kept cache", () => {
  let first: { run: BuildSiteResult; out: string };

  beforeAll(async () => {
    first = await intoNewFolder();
  }, 120_000);

  it("copies every page Eleventy would render from the cache, and writes the site a cold build writes", async () => {
    expect(first.run.summary.pagesCopied ?? 0).toBe(0);
    const { run, out } = await intoNewFolder();
    const copied = run.summary.pagesCopied ?? 0;
    // Entry, day, month, year, tag and series pages and feeds; not the id-redirect pages, which are written as always.
    expect(copied).toBeGreaterThan(run.summary.published * 2);
    expect(run.summary.pages).toBe(first.run.summary.pages);
    expect(run.summary.pagesKept ?? 0).toBe(0);
    expect(siteDifferences(out, first.out)).toEqual({ onlyA: [], onlyB: [], differing: [] });
  }, 120_000);

  it("renders the pages an appended entry changed, and never copies their old bytes", async () => {
    const before = (await intoNewFolder()).run.summary.pagesCopied ?? 0;
    appendFileSync(seedLog, `\r\n20:05 2012-11-07\r\nvirtualization, libvirt\r\nA note appended after the cache was filled.\r\n`);
    const { run, out } = await intoNewFolder();
    expect(run.summary.pagesCopied ?? 0).toBeGreaterThan(0);
    expect(run.summary.pagesCopied ?? 0).toBeLessThan(before);
    for (const url of ["/2012/11/07/", "/tags/libvirt/", "/2012/11/"]) {
      expect(readFileSync(fileOf(out, url), "utf8")).toContain("A note appended after the cache was filled.");
    }
    await expectSameAsBuildWithoutCache(out);
  }, 180_000);

  it("renders again a page whose stored bytes are damaged", async () => {
    const store = pageStoreDir(pagesCacheDir(cache));
    const before = (await intoNewFolder()).run.summary.pagesCopied ?? 0;
    for (const name of readdirSync(store).filter((file) => file.endsWith(".bin"))) {
      const file = path.join(store, name);
      const bytes = readFileSync(file);
      // Every page that shows the note: its entry, day, month, year and tag pages, and feeds.
      for (let at = bytes.indexOf("A note appended"); at >= 0; at = bytes.indexOf("A note appended", at + 1)) bytes[at] = "a".charCodeAt(0);
      writeFileSync(file, bytes);
    }
    const { run, out } = await intoNewFolder();
    expect(run.summary.pagesCopied ?? 0).toBeLessThan(before);
    expect(run.summary.pagesCopied ?? 0).toBeGreaterThan(0);
    await expectSameAsBuildWithoutCache(out);
    // The pages rendered again are kept again: the next build copies them all.
    expect((await intoNewFolder()).run.summary.pagesCopied).toBe(before);
  }, 240_000);

  it("copies nothing when the site's options changed", async () => {
    writeFileSync(path.join(content, "dotlog.config.json"), JSON.stringify({ title: "Deployed, renamed" }));
    const { run, out } = await intoNewFolder();
    expect(run.summary.pagesCopied ?? 0).toBe(0);
    await expectSameAsBuildWithoutCache(out);
  }, 180_000);

  it("leaves the previous site in place when a build fails, and the cache as it was", async () => {
    const { out } = await intoNewFolder();
    const copies = (await intoNewFolder()).run.summary.pagesCopied ?? 0;
    const before = readFileSync(fileOf(out, "/2012/11/07/"));
    const empty = path.join(root, "empty");
    mkdirSync(empty);
    writeFileSync(path.join(empty, "dotlog.config.json"), JSON.stringify({ title: "Deployed, renamed" }));
    await expect(buildSite({ contentDir: empty, outDir: out, cacheDir: cache })).rejects.toThrow(/no log files/);
    expect(readFileSync(fileOf(out, "/2012/11/07/"))).toEqual(before);
    expect((await intoNewFolder()).run.summary.pagesCopied).toBe(copies);
  }, 240_000);
});
