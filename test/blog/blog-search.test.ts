// Posts are searchable: the full build (Eleventy + Pagefind) of the seed, asked from Node.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/site/build-site.ts";
import { openBuiltIndex, type BuiltIndex } from "../../src/site/search/open-built-index.ts";
import { seedContent } from "./seed-blog.ts";

let contentDir: string;
let outDir: string;
let index: BuiltIndex;

beforeAll(async () => {
  contentDir = await seedContent("drafts");
  outDir = path.join(await mkdtemp(path.join(tmpdir(), "dotlog-blog-search-")), "site");
  const result = await buildSite({ contentDir, outDir });
  expect(result.exitCode).toBe(0);
  index = await openBuiltIndex(path.join(outDir, "pagefind"));
});
afterAll(async () => {
  await index?.destroy();
  await rm(contentDir, { recursive: true, force: true });
  await rm(path.dirname(outDir), { recursive: true, force: true });
});

describe("search over posts", () => {
  it("finds a generated post by its title and marks it as a post", async () => {
    const hits = await index.search("armv8", { filters: { kind: "post" } });
    expect(hits.map((hit) => hit.url)).toEqual(["/blog/armv8-and-arm-server/"]);
  });

  it("finds a hand-written post by a word of its body, and never a draft", async () => {
    const hits = await index.search("rcrpcbind", { filters: { kind: "post" } });
    expect(hits.map((hit) => hit.url)).toEqual(["/blog/rpcbind-and-nfs/"]);
    expect(await index.search("monitor lock", { filters: { kind: "post" } })).toEqual([]);
  });
});
