// The seed's own timeline indexed into a temporary folder, then asked the questions of the
// search issue through the bundle's own pagefind.js, as a browser would ask them.

import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTimeline, type Timeline } from "../../log/index.ts";
import { entryDocuments, postDocument, type SearchDocument } from "./documents.ts";
import { openBuiltIndex, type BuiltIndex, type SearchHit } from "./open-built-index.ts";
import { byDate, type PartSizes } from "./index-parts.ts";
import { META_FOLDER } from "./served-bundle.ts";
import { chunkSizeFor, writeSearchIndex, type SearchPartInfo, type SearchParts, type SearchReport } from "./write-search-index.ts";

const SEED = path.resolve("content/000_76b23a5250f26162.txt");

describe("writeSearchIndex on the seed", () => {
  let outDir: string;
  let timeline: Timeline;
  let report: SearchReport;
  let index: BuiltIndex;
  const urlOf = (id: string): string => timeline.byId.get(id)!.url;
  const urls = (hits: SearchHit[]): string[] => hits.map((hit) => hit.url);

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), "dotlog-search-"));
    timeline = await loadTimeline([SEED]);
    const post = postDocument({
      url: "/blog/armv8-and-arm-server/",
      title: "armv8 and arm server",
      date: "2012-11-05T10:37",
      tags: [{ name: "arm" }, { name: "armv8" }],
      text: "Compiled from the log. AArch64 and AArch32 in ARMv8; Linaro Enterprise Group",
    });
    report = await writeSearchIndex({ outDir, documents: [...entryDocuments(timeline.entries, timeline.tags), post] });
    index = await openBuiltIndex(report.outputPath);
  });

  afterAll(async () => {
    await index?.destroy();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it("writes Pagefind's bundle into <outDir>/pagefind, one record a document, one language", async () => {
    expect(report.outputPath).toBe(path.join(outDir, "pagefind"));
    expect(report.errors).toEqual([]);
    expect(report.records).toBe(timeline.entries.length + 1);
    const files = await readdir(report.outputPath);
    expect(files).toContain("pagefind.js");
    expect(files).toContain("pagefind-worker.js");
    expect(files.filter((file) => /ui|highlight/.test(file))).toEqual([]);
    expect(await readdir(path.join(report.outputPath, META_FOLDER))).toHaveLength(1);
  });

  it.each([
    ["rpcbind", "2012-11-07T14:59"],
    ["统计信息", "2012-11-05T11:17"],
    ["大小核", "2012-11-05T10:03"],
    ["xendev", "2012-11-05T11:17"],
    ["xen_disk.c", "2012-11-05T11:17"],
    ["virsh domiflist", "2012-11-01T16:38"],
    ["Breakpoint", "2012-11-05T11:17"],
    ["libxl_save_helper.c", "2012-11-06T16:52"],
    ["众多公司加入", "2012-11-05T10:16"],
  ])("%s finds %s first", async (query, id) => {
    const hits = await index.search(query);
    expect(hits[0]?.url).toBe(urlOf(id));
  });

  it.each([
    ["domainInterfaceStats", "2012-11-01T16:38"],
    ["domainBlockStats", "2012-11-05T11:17"],
    ["block stats", "2012-11-05T11:17"],
    ["BlockStats", "2012-11-05T11:17"],
    ["zypper", "2012-11-07T14:59"],
    ["Transport independent RPC portmapper", "2012-11-07T14:59"],
    ["ioemu", "2012-11-05T11:17"],
    ["xc_domain_save", "2012-11-06T16:52"],
    ["domain_save", "2012-11-06T16:52"],
  ])("%s finds %s among the results", async (query, id) => {
    expect(urls(await index.search(query))).toContain(urlOf(id));
  });

  it("finds a post as a post", async () => {
    const hits = await index.search("AArch64");
    const post = hits.find((hit) => hit.url === "/blog/armv8-and-arm-server/");
    expect(post?.filters.kind).toEqual(["post"]);
    expect(urls(hits)).toContain(urlOf("2012-11-05T10:03"));
  });

  it("returns title, date and tags as meta, and an excerpt with the terms marked", async () => {
    const [hit] = await index.search("rpcbind");
    expect(hit).toMatchObject({ title: "rpcbind", date: "2012-11-07T14:59", tags: "software skill, mount, network, nfs, rpc, rpcbind" });
    expect(hit!.excerpt).toContain("<mark>rpcbind");
    expect(hit!.filters).toEqual({ tag: ["software skill", "mount", "network", "nfs", "rpc", "rpcbind"], year: ["2012"], kind: ["entry"] });
  });

  it("never shows the index-only words in an excerpt", async () => {
    const hits = await index.search("ioemu");
    const hit = hits.find((found) => found.url === urlOf("2012-11-05T11:17"))!;
    expect(hit.meta.terms).toContain("ioemu");
    const excerpt = hit.excerpt.replace(/<\/?mark>/g, "");
    expect(excerpt).toContain("ioemu-dir/hw/xen_disk.c");
    expect(excerpt).not.toContain(hit.meta.terms!.slice(0, 40));
  });

  it("narrows results by tag and by year", async () => {
    const all = await index.search("libvirt");
    const tagged = await index.search("libvirt", { filters: { tag: "xenlight" } });
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.length).toBeLessThan(all.length);
    expect(tagged.every((hit) => hit.filters.tag?.includes("xenlight"))).toBe(true);
    expect(await index.search("libvirt", { filters: { year: "2013" } })).toEqual([]);
    const filters = await index.filters();
    expect(filters.tag?.["virtualization"]).toBe(5);
    expect(filters.year?.["2012"]).toBe(timeline.entries.length + 1);
  });

  it("sorts by date", async () => {
    const hits = await index.search("libvirt", { sort: { date: "desc" } });
    const dates = hits.map((hit) => hit.date);
    expect(dates.length).toBeGreaterThan(2);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("returns nothing but the documents it was given", async () => {
    const given = new Set([...timeline.entries.map((entry) => entry.url), "/blog/armv8-and-arm-server/"]);
    for (const query of ["xen", "2012", "GTD", "arm"]) {
      for (const hit of await index.search(query)) expect(given).toContain(hit.url);
    }
  });
});

describe("index-only words", () => {
  // Without them a search for a part of an identifier ranks any page holding the part's words
  // first; with them the identifier's own page comes first.
  let outDir: string;
  let index: BuiltIndex;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), "dotlog-search-terms-"));
    const page = (url: string, text: string) => postDocument({ url, title: url, date: "2012-11-05T11:17", tags: [], text });
    const documents = [
      page("/prose/", "the domain is created; create the domain again. block stats for the domain, a block device's stats"),
      page("/identifiers/", "1, do some investigation for domainBlockStats in last weekend. see tools/libxl/libxl_create.c and libxl_domain_create"),
    ];
    index = await openBuiltIndex((await writeSearchIndex({ outDir, documents })).outputPath);
  });

  afterAll(async () => {
    await index?.destroy();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it.each(["domain_create", "BlockStats", "create.c", "libxl_create.c"])("%s puts the identifier's page first", async (query) => {
    expect((await index.search(query))[0]?.url).toBe("/identifiers/");
  });
});

describe("rewriting an index (the dev server rebuilds)", () => {
  let root: string;
  const page = (url: string, text: string) => postDocument({ url, title: url, date: "2012-11-07T14:59", tags: [], text });

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "dotlog-search-rewrite-"));
  });

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("replaces the old bundle: nothing of a document that is gone stays findable or on disk", async () => {
    const outDir = path.join(root, "site");
    await writeSearchIndex({ outDir, documents: [page("/old/", "mount fail because the portmapper not started"), page("/kept/", "zypper se rpc")] });
    const fragmentsBefore = await readdir(path.join(outDir, "pagefind", "fragment"));
    await writeSearchIndex({ outDir, documents: [page("/kept/", "zypper se rpc"), page("/new/", "rcrpcbind restart")] });
    const fragmentsAfter = await readdir(path.join(outDir, "pagefind", "fragment"));
    expect(fragmentsBefore).toHaveLength(2);
    expect(fragmentsAfter).toHaveLength(2);
    expect(await readdir(path.join(outDir, "pagefind", META_FOLDER))).toHaveLength(1);
    expect((await readdir(outDir)).filter((name) => name !== "pagefind")).toEqual([]);
    const index = await openBuiltIndex(path.join(outDir, "pagefind"));
    try {
      expect(await index.search("portmapper")).toEqual([]);
      expect((await index.search("rcrpcbind")).map((hit) => hit.url)).toEqual(["/new/"]);
    } finally {
      await index.destroy();
    }
  });

  it("reuses the cached bundle while the documents are the same, and never a broken one", async () => {
    const cacheDir = path.join(root, "cache");
    const outDir = path.join(root, "cached-site");
    const documents = [page("/a/", "rcrpcbind status"), page("/b/", "zypper se rpc")];
    const first = await writeSearchIndex({ outDir, documents, cacheDir });
    const again = await writeSearchIndex({ outDir, documents, cacheDir });
    expect([first.cached, again.cached]).toEqual([false, true]);
    const fragments = await readdir(path.join(outDir, "pagefind", "fragment"));
    expect(fragments).toHaveLength(2);

    const changed = await writeSearchIndex({ outDir, documents: [documents[0]!, page("/c/", "mount.nfs")], cacheDir });
    expect(changed.cached).toBe(false);
    expect((await readdir(cacheDir)).filter((name) => name.startsWith("part-"))).toHaveLength(1);
    const index = await openBuiltIndex(changed.outputPath);
    try {
      expect((await index.search("zypper")).map((hit) => hit.url)).toEqual([]);
      expect((await index.search("mount.nfs")).map((hit) => hit.url)).toEqual(["/c/"]);
    } finally {
      await index.destroy();
    }

    const [bundle] = (await readdir(cacheDir)).filter((name) => name.startsWith("part-"));
    const [meta] = await readdir(path.join(cacheDir, bundle!, META_FOLDER));
    await rm(path.join(cacheDir, bundle!, META_FOLDER, meta!));
    const afterDamage = await writeSearchIndex({ outDir, documents: [documents[0]!, page("/c/", "mount.nfs")], cacheDir });
    expect(afterDamage.cached).toBe(false);
    expect(afterDamage.errors).toEqual([]);
  });

  it("writes a searchable index of one empty part when there is nothing to search", async () => {
    const report = await writeSearchIndex({ outDir: path.join(root, "empty"), documents: [], cacheDir: path.join(root, "empty-cache") });
    expect([report.records, report.parts.total, report.errors]).toEqual([0, 1, []]);
    const index = await openBuiltIndex(report.outputPath);
    try {
      expect(await index.search("rpcbind")).toEqual([]);
      expect(await index.filters()).toEqual({});
    } finally {
      await index.destroy();
    }
  });

  it("writes indexes asked for at the same time one after the other, each complete", async () => {
    const reports = await Promise.all(
      ["a", "b", "c"].map((name) => writeSearchIndex({ outDir: path.join(root, name), documents: [page(`/${name}/`, `word${name} rpcbind`)] })),
    );
    for (const [i, report] of reports.entries()) {
      expect(report.errors).toEqual([]);
      const index = await openBuiltIndex(report.outputPath);
      try {
        expect((await index.search("rpcbind")).map((hit) => hit.url)).toEqual([`/${"abc"[i]}/`]);
      } finally {
        await index.destroy();
      }
    }
  });
});

const CORPUS = path.resolve("test/fixtures/corpus");

describe.skipIf(!existsSync(CORPUS))("the corpus's Chinese entries", () => {
  let outDir: string;
  let timeline: Timeline;
  let index: BuiltIndex;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), "dotlog-search-corpus-"));
    const files = (await readdir(CORPUS)).filter((file) => file.endsWith(".txt")).map((file) => path.join(CORPUS, file));
    timeline = await loadTimeline(files);
    const report = await writeSearchIndex({ outDir, documents: entryDocuments(timeline.entries, timeline.tags) });
    index = await openBuiltIndex(report.outputPath);
  });

  afterAll(async () => {
    await index?.destroy();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it("are each found by a Chinese word from the middle of their text", async () => {
    const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
    const chinese = /^\p{Script=Han}{2,}$/u;
    let checked = 0;
    const missed: string[] = [];
    for (const entry of timeline.entries) {
      const words = [...segmenter.segment(entry.raw)]
        .map((segment) => segment.segment)
        .filter((word) => chinese.test(word));
      if (words.length < 5) continue;
      const word = words[Math.floor(words.length / 2)]!;
      checked++;
      const hits = await index.search(word);
      if (!hits.some((hit) => hit.url === entry.url)) missed.push(`${entry.id} ${word}`);
    }
    expect(checked).toBeGreaterThan(50);
    expect(missed).toEqual([]);
  });
});

describe.skipIf(!existsSync(CORPUS))("an index in parts (the seed and the corpus, 2007 to 2013)", () => {
  // Small parts, so that 388 entries make four: August 2007, 2007-09 to 2012-04, 2012-11 to
  // 2013-04, and the recent part.
  const SIZES: PartSizes = { sealed: 80, recent: 30 };
  const WHOLE: PartSizes = { sealed: 1e9, recent: 1e9 };
  let root: string;
  let documents: SearchDocument[];
  let parts: SearchParts;
  let report: SearchReport;
  let inParts: BuiltIndex;
  let whole: BuiltIndex;
  const cacheDir = () => path.join(root, "cache");

  /** Which part holds a date, by the ranges parts.json gives. */
  const partOf = (date: string): number => parts.parts.findIndex((part) => part.from <= date && date <= part.to);

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "dotlog-search-parts-"));
    const files = (await readdir(CORPUS)).filter((file) => file.endsWith(".txt")).map((file) => path.join(CORPUS, file));
    const timeline = await loadTimeline([SEED, ...files]);
    documents = entryDocuments(timeline.entries, timeline.tags);
    report = await writeSearchIndex({ outDir: path.join(root, "parts"), documents, cacheDir: cacheDir(), partSizes: SIZES });
    parts = JSON.parse(await readFile(path.join(report.outputPath, "parts.json"), "utf8")) as SearchParts;
    inParts = await openBuiltIndex(report.outputPath);
    whole = await openBuiltIndex((await writeSearchIndex({ outDir: path.join(root, "whole"), documents, partSizes: WHOLE })).outputPath);
  });

  afterAll(async () => {
    await inParts?.destroy();
    await whole?.destroy();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("writes the oldest part as the bundle and the others as indexes alone, listed oldest first", async () => {
    expect(report.errors).toEqual([]);
    expect(report.records).toBe(documents.length);
    expect(report.parts.total).toBeGreaterThan(2);
    expect(report.parts).toEqual({ total: parts.parts.length, indexed: parts.parts.length, cached: 0 });
    expect([inParts.parts, whole.parts]).toEqual([parts.parts.length, 1]);
    expect(parts.parts[0]!.path).toBe("");
    expect(parts.parts.reduce((sum, part) => sum + part.records, 0)).toBe(documents.length);
    for (const [i, part] of parts.parts.entries()) {
      expect(part.from <= part.to).toBe(true);
      if (i > 0) expect(parts.parts[i - 1]!.to < part.from).toBe(true);
      if (i === 0) continue;
      expect(part.path).toMatch(/^parts\/[0-9a-f]+\/$/);
      const files = await readdir(path.join(report.outputPath, part.path));
      expect(files.sort()).toEqual(["filter", "fragment", "index", "pagefind-entry.json", META_FOLDER]);
    }
    const top = await readdir(report.outputPath);
    expect(top).toEqual(expect.arrayContaining(["pagefind.js", "pagefind-worker.js", "merged-search.js", "parts.json"]));
    expect(await readdir(path.join(report.outputPath, META_FOLDER))).toHaveLength(1);
  });

  it("cuts a small part's word index into small chunks, and leaves the environment as it was", async () => {
    const chunks = async (part: SearchPartInfo) => (await readdir(path.join(report.outputPath, part.path, "index"))).length;
    const recent = parts.parts.at(-1)!;
    expect(chunkSizeFor(recent.records)).toBeLessThan(chunkSizeFor(10_000));
    // Pagefind's own chunk size (20,000 word locations) would put a few dozen entries in one chunk.
    expect(await chunks(recent)).toBeGreaterThan(3);
    expect(process.env["PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"]).toBeUndefined();
  });

  it.each(["libvirt", "gdb", "kernel", "mount", "virsh", "统计信息", "的", "GTD"])("finds the same entries for %s as one index does", async (query) => {
    const found = (await inParts.search(query)).map((hit) => hit.url).sort();
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual((await whole.search(query)).map((hit) => hit.url).sort());
  });

  it.each([
    ["rpcbind", "2012-11-07T14:59"],
    ["统计信息", "2012-11-05T11:17"],
    ["xendev", "2012-11-05T11:17"],
  ])("ranks %s's best match (%s) first across parts", async (query, date) => {
    expect((await inParts.search(query))[0]?.date).toBe(date);
  });

  it.each(["desc", "asc"] as const)("sorts by date across parts (%s), as one index does", async (direction) => {
    for (const query of ["libvirt", "gdb", "kernel", "的"]) {
      const dates = (await inParts.search(query, { sort: { date: direction } })).map((hit) => hit.date);
      // The query's hits lie in several parts, or this would test one part's own sort.
      expect(new Set(dates.map(partOf)).size).toBeGreaterThan(1);
      const sorted = [...dates].sort();
      expect(dates).toEqual(direction === "asc" ? sorted : sorted.reverse());
      expect(dates).toEqual((await whole.search(query, { sort: { date: direction } })).map((hit) => hit.date));
    }
  });

  it("answers no part with pages that only hold the start of a query word", async () => {
    // No 2007 entry has "libvirt", but many have "lib": Pagefind alone would answer with them.
    expect(partOf((await inParts.search("lib"))[0]?.date ?? "")).toBeGreaterThanOrEqual(0);
    const hits = await inParts.search("libvirt");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.filter((hit) => hit.date.startsWith("2007"))).toEqual([]);
    expect(await inParts.search("libvirt", { filters: { year: "2007" } })).toEqual([]);
  });

  it("answers a word being typed with pages holding words that start with it, from the parts that have them", async () => {
    const hits = await inParts.search("libv");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.filter((hit) => hit.date.startsWith("2007"))).toEqual([]);
    for (const hit of hits) expect(hit.excerpt.toLowerCase()).toMatch(/<mark>libv/);
    const whole2012 = (await whole.search("libv")).filter((hit) => hit.date.startsWith("2012"));
    expect(whole2012.length).toBeGreaterThan(0);
    expect(hits.map((hit) => hit.url)).toEqual(expect.arrayContaining(whole2012.map((hit) => hit.url)));
  });

  it("lists a tag's entries newest first across parts with no words typed", async () => {
    const tag = "Linux";
    const dates = (await inParts.search(null, { filters: { tag }, sort: { date: "desc" } })).map((hit) => hit.date);
    expect(new Set(dates.map(partOf)).size).toBeGreaterThan(1);
    expect(dates).toEqual((await whole.search(null, { filters: { tag }, sort: { date: "desc" } })).map((hit) => hit.date));
  });

  it("counts each tag and year over every part, and shows no part filter", async () => {
    const counts = await inParts.filters();
    expect(counts).toEqual(await whole.filters());
    expect(Object.keys(counts).sort()).toEqual(["kind", "tag", "year"]);
    expect(Object.values(counts["year"]!).reduce((sum, n) => sum + n, 0)).toBe(documents.length);
  });

  it("narrows by a tag across parts", async () => {
    const hits = await inParts.search("xen", { filters: { tag: "libvirt" } });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.filters.tag?.includes("libvirt"))).toBe(true);
    expect(hits.map((hit) => hit.url).sort()).toEqual((await whole.search("xen", { filters: { tag: "libvirt" } })).map((hit) => hit.url).sort());
  });

  it("takes unchanged parts from the cache and indexes only the part an appended or edited entry is in", async () => {
    const outDir = path.join(root, "rebuilt");
    const total = report.parts.total;
    const again = await writeSearchIndex({ outDir, documents, cacheDir: cacheDir(), partSizes: SIZES });
    expect([again.cached, again.parts]).toEqual([true, { total, indexed: 0, cached: total }]);
    expect(again.records).toBe(documents.length);

    const newest = [...documents].sort(byDate).at(-1)!;
    const appended = postDocument({ url: "/blog/appended/", title: "appended", date: `${newest.date.slice(0, 14)}59`, tags: [{ name: "nfs" }], text: "rcrpcbind restart after zypper up" });
    const withAppended = [...documents, appended];
    const append = await writeSearchIndex({ outDir, documents: withAppended, cacheDir: cacheDir(), partSizes: SIZES });
    expect([append.cached, append.parts]).toEqual([false, { total, indexed: 1, cached: total - 1 }]);
    expect((await readdir(cacheDir())).filter((name) => name.startsWith("part-"))).toHaveLength(total);
    const index = await openBuiltIndex(append.outputPath);
    try {
      expect((await index.search("rcrpcbind")).map((hit) => hit.url)).toContain("/blog/appended/");
      expect((await index.search("zypper", { sort: { date: "desc" } }))[0]?.url).toBe("/blog/appended/");
    } finally {
      await index.destroy();
    }

    const sorted = [...withAppended].sort(byDate);
    const middle = sorted[Math.floor(sorted.length / 3)]!;
    const edited = withAppended.map((document) => (document === middle ? { ...document, text: `${document.text}\nqemu-img convert` } : document));
    const edit = await writeSearchIndex({ outDir, documents: edited, cacheDir: cacheDir(), partSizes: SIZES });
    expect(edit.parts).toEqual({ total, indexed: 1, cached: total - 1 });
  });
});
