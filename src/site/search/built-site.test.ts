// The search issue's Node tests against the index of a real build of the seed: the whole
// `buildSite` into a temporary folder, then its `pagefind/` asked through its own pagefind.js.

import { existsSync } from "node:fs";
import { appendFile, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTimeline, type Timeline } from "../../log/index.ts";
import { buildSite } from "../build-site.ts";
import { makeCorpus } from "../../../scripts/make-corpus.ts";
import { openBuiltIndex, type BuiltIndex } from "./open-built-index.ts";
import type { SearchParts } from "./write-search-index.ts";

describe("the search index of the built seed site", () => {
  let root: string;
  let outDir: string;
  let timeline: Timeline;
  let index: BuiltIndex;
  const urlOf = (id: string): string => timeline.byId.get(id)!.url;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "dotlog-site-search-"));
    outDir = path.join(root, "site");
    await buildSite({ contentDir: "content", outDir });
    timeline = await loadTimeline([path.resolve("content/000_76b23a5250f26162.txt")]);
    index = await openBuiltIndex(path.join(outDir, "pagefind"));
  });

  afterAll(async () => {
    await index?.destroy();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it.each([
    ["rpcbind", "2012-11-07T14:59"],
    ["统计信息", "2012-11-05T11:17"],
    ["大小核", "2012-11-05T10:03"],
    ["xendev", "2012-11-05T11:17"],
  ])("%s finds %s first", async (query, id) => {
    expect((await index.search(query))[0]?.url).toBe(urlOf(id));
  });

  it("domainInterfaceStats finds 16:38 2012-11-01 among the results", async () => {
    expect((await index.search("domainInterfaceStats")).map((hit) => hit.url)).toContain(urlOf("2012-11-01T16:38"));
  });

  it("a tag filter narrows the results", async () => {
    const all = await index.search("xen");
    const filtered = await index.search("xen", { filters: { tag: "libvirt" } });
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all.length);
    expect(filtered.every((hit) => hit.filters.tag?.includes("libvirt"))).toBe(true);
  });

  it("returns entry pages and posts that exist in the site, never an archive, tag or home page", async () => {
    const seen = new Set<string>();
    for (const query of ["xen", "libvirt", "GTD", "arm", "2012", "virtualization", "rpc", "的"]) {
      for (const hit of await index.search(query)) seen.add(hit.url);
    }
    expect(seen.size).toBeGreaterThan(10);
    const entries = new Set(timeline.entries.map((entry) => entry.url));
    for (const url of seen) {
      expect(entries.has(url) || url.startsWith("/blog/"), url).toBe(true);
      expect(existsSync(path.join(outDir, url, "index.html")), url).toBe(true);
    }
  });
});

describe("the search index of a built 1,000-entry site, in parts", () => {
  // 1,000 entries of the seed and corpus logs repeated with shifted years (2007 to 2026): more
  // than a recent part holds, so the index is a sealed part and a recent one.
  let root: string;
  let contentDir: string;
  let outDir: string;
  let cacheDir: string;
  let records: number;
  let parts: SearchParts;
  let index: BuiltIndex;
  const readParts = async (): Promise<SearchParts> => JSON.parse(await readFile(path.join(outDir, "pagefind", "parts.json"), "utf8")) as SearchParts;
  const partOf = (date: string): number => parts.parts.findIndex((part) => part.from <= date && date <= part.to);

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "dotlog-site-search-parts-"));
    contentDir = path.join(root, "content");
    outDir = path.join(root, "site");
    cacheDir = path.join(root, "cache");
    await makeCorpus(1000, contentDir);
    const { summary } = await buildSite({ contentDir, outDir, cacheDir });
    records = summary.searchRecords ?? 0;
    parts = await readParts();
    index = await openBuiltIndex(path.join(outDir, "pagefind"));
  });

  afterAll(async () => {
    await index?.destroy();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("is written in two parts that hold every record", () => {
    expect(index.parts).toBe(2);
    expect(parts.parts.map((part) => part.path)).toEqual(["", expect.stringMatching(/^parts\/[0-9a-f]+\/$/)]);
    expect(parts.parts.reduce((sum, part) => sum + part.records, 0)).toBe(records);
  });

  it("finds an entry first by its word, and lists the copies of it newest first across the parts", async () => {
    expect((await index.search("rpcbind"))[0]?.date).toMatch(/-11-07T14:59$/);
    const dates = (await index.search("rpcbind", { sort: { date: "desc" } })).map((hit) => hit.date);
    expect(new Set(dates.map(partOf))).toEqual(new Set([0, 1]));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("counts filters over both parts", async () => {
    const filters = await index.filters();
    expect(Object.values(filters["year"] ?? {}).reduce((sum, n) => sum + n, 0)).toBe(records);
    const libvirt = await index.search(null, { filters: { tag: "libvirt" } });
    expect(new Set(libvirt.map((hit) => partOf(hit.date))).size).toBe(2);
    expect(filters["tag"]?.["libvirt"]).toBe(libvirt.length);
  });

  it("finds an entry appended to the newest file after a rebuild, and keeps the sealed part as it was", async () => {
    const newest = (await readdir(contentDir)).sort().at(-1)!;
    const stamp = parts.parts.at(-1)!.to;
    const [date, time] = [stamp.slice(0, 10), "23:59"];
    await appendFile(path.join(contentDir, newest), `${time} ${date}\nzypper in rcrpcbindfix, then restart\n`);
    await buildSite({ contentDir, outDir, cacheDir });
    const after = await readParts();
    expect(after.parts[0]).toEqual(parts.parts[0]);
    expect(after.parts.at(-1)!.records).toBe(parts.parts.at(-1)!.records + 1);
    const rebuilt = await openBuiltIndex(path.join(outDir, "pagefind"));
    try {
      const hits = await rebuilt.search("rcrpcbindfix");
      expect(hits.map((hit) => hit.date)).toEqual([`${date}T${time}`]);
    } finally {
      await rebuilt.destroy();
    }
  });
});
