// The bundle as the site serves it (served-bundle.ts), read back the way Pagefind's script
// reads it: the seed's and the corpus's index cut into parts, each part's meta and WASM
// uncompressed, its pages named by their place in date order, no sort left; and the same
// records give the same bytes.

import { decode } from "cborg";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTimeline } from "../../log/index.ts";
import { entryDocuments, type SearchDocument } from "./documents.ts";
import { META_FOLDER, toServedBundle } from "./served-bundle.ts";
import { writeSearchIndex, type SearchParts } from "./write-search-index.ts";

const SEED = path.resolve("content/000_76b23a5250f26162.txt");
const CORPUS = path.resolve("test/fixtures/corpus");
const SIGNATURE = "pagefind_dcd";
// Small parts, so that 388 entries from 2007 to 2013 make four.
const SIZES = { sealed: 80, recent: 30 };

type Page = [string, number, ...unknown[]];

describe.skipIf(!existsSync(CORPUS))("a part as the site serves it", () => {
  let root: string;
  let documents: SearchDocument[];
  let pagefind: string;
  let parts: SearchParts;

  const metaOf = async (part: string): Promise<{ bytes: Buffer; pages: Page[]; sorts: unknown[] }> => {
    const [name] = await readdir(path.join(pagefind, part, META_FOLDER));
    const bytes = await readFile(path.join(pagefind, part, META_FOLDER, name!));
    const meta = decode(bytes.subarray(SIGNATURE.length)) as unknown[];
    return { bytes, pages: meta[1] as Page[], sorts: meta[4] as unknown[] };
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "dotlog-served-"));
    const files = (await readdir(CORPUS)).filter((file) => file.endsWith(".txt")).map((file) => path.join(CORPUS, file));
    const timeline = await loadTimeline([SEED, ...files]);
    documents = entryDocuments(timeline.entries, timeline.tags);
    pagefind = (await writeSearchIndex({ outDir: path.join(root, "site"), documents, partSizes: SIZES })).outputPath;
    parts = JSON.parse(await readFile(path.join(pagefind, "parts.json"), "utf8")) as SearchParts;
  });

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("stores each part's meta and the WASM uncompressed, behind Pagefind's signature", async () => {
    expect(parts.parts.length).toBeGreaterThan(1);
    for (const part of parts.parts) {
      const { bytes } = await metaOf(part.path);
      expect(bytes.subarray(0, SIGNATURE.length).toString()).toBe(SIGNATURE);
      const entry = JSON.parse(await readFile(path.join(pagefind, part.path, "pagefind-entry.json"), "utf8"));
      expect(Object.values(entry.languages).map((language) => (language as { hash: string }).hash)).toEqual([expect.stringMatching(/^meta\//)]);
    }
    const wasm = await readFile(path.join(pagefind, "wasm.unknown.pagefind"));
    expect(wasm.subarray(0, SIGNATURE.length).toString()).toBe(SIGNATURE);
    // WebAssembly's own magic number follows.
    expect([...wasm.subarray(SIGNATURE.length, SIGNATURE.length + 4)]).toEqual([0, 0x61, 0x73, 0x6d]);
  });

  it("names each page by its part and its place in date order, and keeps no sort", async () => {
    const seen = new Set<string>();
    for (const part of parts.parts) {
      expect(part.ids).toMatch(/^zh-cn_[0-9a-f]{12}$/);
      expect(seen.has(part.ids)).toBe(false);
      seen.add(part.ids);
      const { pages, sorts } = await metaOf(part.path);
      expect(sorts).toEqual([]);
      expect(pages).toHaveLength(part.records);
      const names = pages.map(([name]) => name);
      expect(new Set(names).size).toBe(names.length);
      const fragments = await readdir(path.join(pagefind, part.path, "fragment"));
      expect(fragments.sort()).toEqual(names.map((name) => `${name}.pf_fragment`).sort());
      // Each name's place, read back from its fragment's date: oldest first.
      const dated = await Promise.all(
        names.map(async (name) => {
          const fragment = gunzipSync(await readFile(path.join(pagefind, part.path, "fragment", `${name}.pf_fragment`)));
          const { meta } = JSON.parse(fragment.subarray(SIGNATURE.length).toString()) as { meta: { date: string } };
          return { place: Number.parseInt(name.slice(part.ids.length), 16), date: meta.date };
        }),
      );
      dated.sort((a, b) => a.place - b.place);
      expect(dated.map(({ place }) => place)).toEqual(names.map((_, i) => i));
      const dates = dated.map(({ date }) => date);
      expect(dates).toEqual([...dates].sort());
      expect([dates[0], dates.at(-1)]).toEqual([part.from, part.to]);
    }
  });

  it("writes the same bytes for the same records: a cached part is the part a cold build writes", async () => {
    const again = (await writeSearchIndex({ outDir: path.join(root, "again"), documents, partSizes: SIZES })).outputPath;
    const files = async (dir: string) => (await readdir(dir, { recursive: true })).sort();
    expect(await files(again)).toEqual(await files(pagefind));
    for (const file of await files(pagefind)) {
      const [a, b] = await Promise.all([readFile(path.join(pagefind, file)).catch(() => null), readFile(path.join(again, file)).catch(() => null)]);
      expect([file, a?.equals(b!) ?? b === null]).toEqual([file, true]);
    }
  });

  it("stops on a meta file in a format it does not know, naming Pagefind's version", async () => {
    const bundle = path.join(root, "unknown");
    await mkdir(bundle, { recursive: true });
    const entry = { version: "9.9.9", languages: { "zh-cn": { hash: "zh-cn_1234567", wasm: null, page_count: 1 } } };
    await writeFile(path.join(bundle, "pagefind-entry.json"), JSON.stringify(entry));
    await writeFile(path.join(bundle, "pagefind.zh-cn_1234567.pf_meta"), gzipSync(Buffer.concat([Buffer.from(SIGNATURE), Buffer.from([0xa0])])));
    expect(() => toServedBundle(bundle, "zh-cn_000000000000")).toThrow(/Pagefind 9\.9\.9 .*format dotlog does not know/);
  });
});
