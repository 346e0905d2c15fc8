import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root, seedContent } from "../../test/blog/seed-blog.ts";
import { resolveSiteOptions } from "./config/index.ts";
import { planPages } from "./incremental/plan-pages.ts";
import { defaultOptions } from "./options.ts";
import type { SitePages } from "./pages/types.ts";
import { buildSiteData, newBuildMemory, type Searchable } from "./site-data.ts";

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("the data stage", () => {
  it("hands search its records before it renders the first body, and they are the site's", async () => {
    const contentDir = await seedContent("replaced");
    dirs.push(contentDir);
    const events: string[] = [];
    let searchable: Searchable | undefined;
    const data = await buildSiteData({
      contentDir,
      options: defaultOptions,
      progress: (phase, done) => events.push(`${phase} ${done}`),
      onSearchable: (given) => {
        events.push("searchable");
        searchable = given;
      },
    });
    expect(events.filter((event) => event === "searchable")).toHaveLength(1);
    expect(events.indexOf("searchable")).toBeGreaterThan(events.indexOf("reading 1"));
    expect(events.indexOf("searchable")).toBeLessThan(events.indexOf("rendering 1"));
    expect(searchable!.published).toBe(data.published);
    // A hand-written post replaces the seed's generated one: search has the post the site shows.
    expect(searchable!.posts).toEqual(data.pages.blog!.search);
    expect(searchable!.posts.map((post) => post.url)).toEqual(data.pages.blog!.posts.filter((post) => !post.draft).map((post) => post.url));
    expect(searchable!.posts.length).toBeGreaterThan(0);
  });

  it("renders each entry once for the entry pages and the posts made of it", async () => {
    const contentDir = await seedContent();
    dirs.push(contentDir);
    const rendered: number[] = [];
    const data = await buildSiteData({ contentDir, options: defaultOptions, progress: (phase, done) => phase === "rendering" && rendered.push(done) });
    // Without a cache folder every render is a miss; a second render of one entry would be a hit.
    expect(data.rendered).toMatchObject({ misses: data.published.entries.length, hits: 0 });
    expect(rendered.at(-1)).toBe(data.published.entries.length);
    // The seed's post is made of two entries rendered before the others, for search: it holds their text.
    const [post] = data.pages.blog!.posts;
    expect(post!.sources.map((source) => source.id)).toEqual(["2012-11-05T10:03", "2012-11-05T10:16"]);
    expect(post!.html).toContain("AArch64");
    expect(data.pages.entries.find((page) => page.id === "2012-11-05T10:03")!.html).toContain("AArch64");
  });
});

describe("the data stage in a process that keeps its caches in memory (the dev server)", () => {
  it("changes nothing it keeps from one build to the next, and makes the pages a build without memory makes", async () => {
    // Private entries and redaction (privacy), posts, and four months of a real log.
    const work = await mkdtemp(path.join(tmpdir(), "dotlog-memory-"));
    dirs.push(work);
    const contentDir = path.join(work, "content");
    await cp(path.join(root, "test/fixtures/privacy/content"), contentDir, { recursive: true });
    const corpus = path.join(root, "test/fixtures/corpus");
    for (const name of (await readdir(corpus)).filter((name) => name.endsWith(".txt"))) await cp(path.join(corpus, name), path.join(contentDir, name));
    const options = resolveSiteOptions({}, contentDir);
    const caches = { parseCacheDir: path.join(work, "cache/parse"), renderCacheDir: path.join(work, "cache/render") };
    const memory = newBuildMemory();

    await buildSiteData({ contentDir, options, ...caches, memory });
    const kept = [...memory.parse.values()].map(({ parsed }) => parsed);
    expect(kept.length).toBeGreaterThanOrEqual(6);
    // Frozen, any write into a kept parse (an id, a resolved reference, a title) throws; the
    // bodies are rendered again from them (no render cache), as a dev server renders a new entry.
    for (const parsed of kept) deepFreeze(parsed);
    const again = await buildSiteData({ contentDir, options, parseCacheDir: caches.parseCacheDir, memory });
    expect([...memory.parse.values()].map(({ parsed }) => parsed)).toEqual(kept);
    expect(again.rendered).toMatchObject({ hits: 0, misses: again.published.entries.length });
    expect(again.privacy.report.excluded).toBeGreaterThan(0);

    const plain = await buildSiteData({ contentDir, options });
    expect(again.pages).toEqual(plain.pages);
    expect(again.timeline.warnings).toEqual(plain.timeline.warnings);
  });
});

describe("the page models a dev server keeps between its builds", () => {
  it("keeps those of entries an edit does not touch, and makes the others as a build without memory does", async () => {
    const contentDir = await seedContent("replaced");
    dirs.push(contentDir);
    const log = path.join(contentDir, "000_76b23a5250f26162.txt");
    const options = resolveSiteOptions({}, contentDir);
    const memory = newBuildMemory();
    const page = (pages: SitePages, id: string) => pages.entries.find((entry) => entry.id === id)!;
    // The models this process keeps, frozen: a build that wrote into one would throw.
    const keep = async (): Promise<SitePages> => {
      const { pages } = await buildSiteData({ contentDir, options, memory });
      for (const entry of pages.entries) deepFreeze(entry);
      // Made as without memory, hashed as without kept hashes.
      const plain = (await buildSiteData({ contentDir, options })).pages;
      expect(pages).toEqual(plain);
      expect(planPages(pages, "site", null, () => true, memory.models.hashes).hashes).toEqual(planPages(plain, "site", null, () => true).hashes);
      return pages;
    };
    const edit = async (change: (text: string) => string) => writeFile(log, change(await readFile(log, "utf8")));

    let last = await keep();
    let next = await keep();
    expect(next.entries.every((entry, i) => entry === last.entries[i])).toBe(true);

    // A note under the log's most used tags, referring to 11:17 2012-11-05, after 18:17 2012-11-07.
    await appendFile(log, '\n20:05 2012-11-07\nvirtualization, libvirt\n1), a new note. see"11:17 2012-11-05"\n');
    [last, next] = [next, await keep()];
    for (const id of ["2012-11-05T11:17", "2012-11-07T18:17"]) expect(page(next, id)).not.toBe(page(last, id));
    for (const id of ["2012-11-05T10:03", "2012-11-06T16:52", "2012-11-07T13:01"]) expect(page(next, id)).toBe(page(last, id));
    expect(page(next, "2012-11-05T11:17").backlinks.map((link) => link.from.id)).toContain("2012-11-07T20:05");

    // A title: its own page, its neighbours' links to it.
    await edit((text) => text.replace("17:36 2012-11-05\nwork report - week 44\n", "17:36 2012-11-05\nweekly report - week 44\n"));
    [last, next] = [next, await keep()];
    for (const id of ["2012-11-05T17:36", "2012-11-05T11:17", "2012-11-06T16:16"]) expect(page(next, id)).not.toBe(page(last, id));
    for (const id of ["2012-11-05T10:03", "2012-11-07T20:05"]) expect(page(next, id)).toBe(page(last, id));

    // A reference taken out of an entry: the entry it pointed at loses the backlink.
    await edit((text) => text.replace('in xen upstream. see"16:52 2012-11-06"', "in xen upstream."));
    [last, next] = [next, await keep()];
    expect(page(next, "2012-11-06T16:52").backlinks).toHaveLength(page(last, "2012-11-06T16:52").backlinks.length - 1);

    // A part of a series (`add libxl api`): the pages of the other parts list it.
    await edit((text) => text.replace("add libxl api, cont2, domainBlockStats", "add libxl api, cont2, domainBlockStats and more"));
    [last, next] = [next, await keep()];
    expect(page(next, "2012-11-01T16:38")).not.toBe(page(last, "2012-11-01T16:38"));
    expect(page(next, "2012-11-01T16:38").series!.parts.map((part) => part?.title)).toContain("domainBlockStats and more");

    // Other options: nothing is kept.
    const { pages: zoned } = await buildSiteData({ contentDir, options: { ...options, timeZone: "Asia/Shanghai" }, memory });
    expect(zoned.entries.some((entry, i) => entry === next.entries[i])).toBe(false);
  });
});

function deepFreeze(value: unknown): void {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
