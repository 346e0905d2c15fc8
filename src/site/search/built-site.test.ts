// The search issue's Node tests against the index of a real build of the seed: the whole
// `buildSite` into a temporary folder, then its `pagefind/` asked through its own pagefind.js.

import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTimeline, type Timeline } from "../../log/index.ts";
import { buildSite } from "../build-site.ts";
import { openBuiltIndex, type BuiltIndex } from "./open-built-index.ts";

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
