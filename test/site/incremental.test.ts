// An incremental build (a cache folder, the same site folder) must give byte for byte the site
// a full build of the same content gives, while writing only the pages whose inputs changed.
// Each step changes the content the way an author does, rebuilds incrementally, and compares
// with a full build of the same content into a fresh folder without a cache.

import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildSiteResult } from "../../src/site/build-site.ts";
import { manifestFile } from "../../src/site/incremental/page-manifest.ts";
import { authorContent, differencesFromBuildWithoutCache, siteDifferences } from "./compare-sites.ts";
import { fileOf } from "./html.ts";

let root: string;
let content: string;
let out: string;
let cache: string;
let seedLog: string;

const inode = (file: string): number => statSync(file).ino;

async function incremental(): Promise<BuildSiteResult> {
  return buildSite({ contentDir: content, outDir: out, cacheDir: cache });
}

/** The incremental site equals a full build of the same content, file for file and byte for byte. */
async function expectSameAsFullBuild(): Promise<void> {
  expect(await differencesFromBuildWithoutCache(out, content, root)).toEqual({ onlyA: [], onlyB: [], differing: [] });
}

beforeAll(async () => {
  ({ root, content, seedLog } = authorContent("dotlog-incremental-", "Incremental"));
  out = path.join(root, "site");
  cache = path.join(root, "cache");
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("an incremental build", () => {
  let first: BuildSiteResult;
  const untouched = "/2013/01/07/"; // a day page of the other log, which no step below touches
  let untouchedInode = 0;

  beforeAll(async () => {
    first = await incremental();
    untouchedInode = inode(fileOf(out, untouched));
  }, 120_000);

  it("writes every page the first time, and records a manifest of the site", () => {
    expect(first.summary.pagesKept ?? 0).toBe(0);
    expect(existsSync(manifestFile(path.join(cache, "pages"), out))).toBe(true);
  });

  it("writes nothing but the site-wide pages again when nothing changed", async () => {
    const again = await incremental();
    expect(again.summary.pages).toBe(first.summary.pages);
    const kept = again.summary.pagesKept ?? 0;
    // Every entry, day, month, year, tag and redirect page is kept.
    expect(kept).toBeGreaterThan(first.summary.published * 2);
    expect(inode(fileOf(out, untouched))).toBe(untouchedInode);
    await expectSameAsFullBuild();
  }, 120_000);

  it("rewrites only the pages an appended entry touches: its own, its neighbour's, its day, month, year and tags", async () => {
    const lastEntryPage = fileOf(out, "/2012/11/07/1817-virsh-attach-disk-sles11-hvm-10-dev-sdb1-sda/");
    const before = inode(lastEntryPage);
    appendFileSync(seedLog, `\r\n20:05 2012-11-07 incremental; gdb\r\nAppended after "18:17 2012-11-07": a new note.\r\n`);
    const run = await incremental();
    const written = run.summary.pages - (run.summary.pagesKept ?? 0);
    expect(run.summary.pagesKept ?? 0).toBeGreaterThan(0);
    expect(written).toBeLessThan(run.summary.pages / 5);
    expect(inode(fileOf(out, untouched))).toBe(untouchedInode);
    expect(inode(lastEntryPage)).not.toBe(before);
    await expectSameAsFullBuild();
  }, 120_000);

  it("keeps the pages of the other entries under the appended entry's tags, and their days", async () => {
    // 11:17 2012-11-05 is under `virtualization` and `libvirt` too, two days before.
    const sameTags = readdirSync(path.join(out, "2012/11/05")).find((name) => name.startsWith("1117-"))!;
    const kept = [`/2012/11/05/${sameTags}/`, "/2012/11/05/"].map((url) => fileOf(out, url));
    const before = kept.map(inode);
    appendFileSync(seedLog, `\r\n20:10 2012-11-07\r\nvirtualization, libvirt\r\nAnother note under the two most used tags.\r\n`);
    await incremental();
    expect(kept.map(inode)).toEqual(before);
    expect(readFileSync(fileOf(out, "/tags/libvirt/"), "utf8")).toContain("Another note under the two most used tags.");
    await expectSameAsFullBuild();
  }, 120_000);

  it("removes the pages of a deleted entry, and files that are no page of the site", async () => {
    const text = readFileSync(seedLog, "utf8");
    writeFileSync(seedLog, text.slice(0, text.lastIndexOf("\r\n20:05 2012-11-07")));
    writeFileSync(path.join(out, "left-over.html"), "<p>old</p>");
    await incremental();
    expect(existsSync(path.join(out, "left-over.html"))).toBe(false);
    await expectSameAsFullBuild();
  }, 120_000);

  it("writes a page again that was deleted from the site folder by hand", async () => {
    const page = fileOf(out, untouched);
    unlinkSync(page);
    await incremental();
    expect(existsSync(page)).toBe(true);
    untouchedInode = inode(page);
    await expectSameAsFullBuild();
  }, 120_000);

  it("sees a page deleted and a file put in a folder by hand after a build that recorded the folders", async () => {
    // Folders dated a minute back, as a site built earlier: the next build records them, and
    // the one after takes each as recorded unless its time changed.
    const then = new Date(Date.now() - 60_000);
    for (const name of readdirSync(out, { recursive: true, encoding: "utf8" })) {
      if (statSync(path.join(out, name)).isDirectory()) utimesSync(path.join(out, name), then, then);
    }
    await incremental();
    const page = fileOf(out, untouched);
    unlinkSync(page);
    const stray = path.join(path.dirname(fileOf(out, "/2013/01/07/")), "..", "stray.html");
    writeFileSync(stray, "<p>put here</p>");
    const run = await incremental();
    expect(run.summary.pagesKept ?? 0).toBeGreaterThan(0);
    expect(existsSync(page)).toBe(true);
    expect(existsSync(stray)).toBe(false);
    untouchedInode = inode(page);
    await expectSameAsFullBuild();
  }, 120_000);

  it("writes a file beside a post when it changes, keeps it while it does not, and removes it when no post names it", async () => {
    const posts = path.join(content, "posts");
    mkdirSync(path.join(posts, "img"), { recursive: true });
    const fixture = path.resolve("test/fixtures/blog/files/posts/img");
    copyFileSync(path.join(fixture, "ring.png"), path.join(posts, "img", "ring.png"));
    writeFileSync(path.join(posts, "ring.md"), "---\ntitle: The ring\ndate: 2012-11-21\n---\n![the ring](img/ring.png)\n");
    await incremental();
    const image = path.join(out, "blog", "ring", "img", "ring.png");
    expect(readFileSync(image)).toEqual(readFileSync(path.join(fixture, "ring.png")));
    await expectSameAsFullBuild();
    const kept = inode(image);
    await incremental();
    expect(inode(image)).toBe(kept);
    copyFileSync(path.join(fixture, "unused.png"), path.join(posts, "img", "ring.png"));
    await incremental();
    expect(readFileSync(image)).toEqual(readFileSync(path.join(fixture, "unused.png")));
    await expectSameAsFullBuild();
    writeFileSync(path.join(posts, "ring.md"), "---\ntitle: The ring\ndate: 2012-11-21\n---\nNo drawing after all.\n");
    await incremental();
    expect(existsSync(image)).toBe(false);
    await expectSameAsFullBuild();
    rmSync(posts, { recursive: true });
  }, 180_000);

  it("rewrites every page when the site's options change", async () => {
    writeFileSync(path.join(content, "dotlog.config.json"), JSON.stringify({ title: "Incremental, renamed" }));
    const run = await incremental();
    expect(run.summary.pagesKept ?? 0).toBe(0);
    expect(inode(fileOf(out, untouched))).not.toBe(untouchedInode);
    expect(readFileSync(fileOf(out, untouched), "utf8")).toContain("Incremental, renamed");
    untouchedInode = inode(fileOf(out, untouched));
    await expectSameAsFullBuild();
  }, 120_000);

  it("writes the same site when Eleventy writes the pages in many small batches", async () => {
    appendFileSync(seedLog, `\r\n21:30 2012-11-07 batches\r\nWritten in batches of seven pages.\r\n`);
    const run = await buildSite({ contentDir: content, outDir: out, cacheDir: cache, batchSize: 7 });
    expect(run.summary.pages).toBeGreaterThan(7);
    await expectSameAsFullBuild();
    const cold = mkdtempSync(path.join(root, "batches-"));
    const whole = await buildSite({ contentDir: content, outDir: path.join(cold, "site"), batchSize: 7 });
    expect(whole.summary.pages).toBe(run.summary.pages);
    expect(siteDifferences(path.join(cold, "site"), out)).toEqual({ onlyA: [], onlyB: [], differing: [] });
  }, 120_000);

  it("does not trust a damaged manifest, or one of a site folder another build replaced", async () => {
    const manifest = manifestFile(path.join(cache, "pages"), out);
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace(/"identity":"[0-9a-f]{4}/, '"identity":"0000'));
    expect((await incremental()).summary.pagesKept ?? 0).toBe(0);
    expect((await incremental()).summary.pagesKept ?? 0).toBeGreaterThan(0);
    // A build without the cache replaces the folder whole: its pages are not the manifest's.
    await buildSite({ contentDir: content, outDir: out });
    expect((await incremental()).summary.pagesKept ?? 0).toBe(0);
    await expectSameAsFullBuild();
  }, 180_000);
});
