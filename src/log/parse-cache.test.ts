import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadTimeline } from "./index.ts";
import { openParseCache, type ParseCacheMemory } from "./parse-cache.ts";
import type { ParseOptions } from "./types.ts";

const FIXTURES = path.resolve("test/fixtures");
const SEED = path.resolve("content/000_76b23a5250f26162.txt");
const folder = (name: string) =>
  readdirSync(path.join(FIXTURES, name))
    .filter((file) => /\.(txt|log|bin)$/.test(file))
    .map((file) => path.join(FIXTURES, name, file));

let work: string;
let cacheDir: string;
let files: string[];

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "dotlog-parse-cache-"));
  cacheDir = path.join(work, "parse");
  // Copies: the tests change files. Bad input (every warning a file can give, odd encodings),
  // the seed and the corpus (references across files, series, tags).
  files = [SEED, ...folder("corpus"), ...folder("bad")].map((file, index) => {
    const copy = path.join(work, `${String(index).padStart(3, "0")}-${path.basename(file)}`);
    copyFileSync(file, copy);
    return copy;
  });
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

const records = () => readdirSync(cacheDir).filter((name) => name.endsWith(".v8"));

/** What each file's lookup gives, through the cache's own interface. */
async function lookups(options: ParseOptions = {}) {
  const cache = await openParseCache(cacheDir, options);
  for (const file of files) await cache.get(file, readFileSync(file));
  return cache.stats;
}

describe("the parse cache", () => {
  it("gives the timeline a fresh parse gives, warnings included, from records of every file", async () => {
    const fresh = await loadTimeline(files);
    expect(fresh.warnings.length).toBeGreaterThan(20);
    expect(await loadTimeline(files, {}, { cacheDir })).toEqual(fresh);
    expect(records()).toHaveLength(files.length);
    expect(await lookups()).toEqual({ hits: files.length, misses: 0, damaged: 0 });
    expect(await loadTimeline(files, {}, { cacheDir })).toEqual(fresh);
  });

  it("parses again a file whose bytes changed, and only that one", async () => {
    await loadTimeline(files, {}, { cacheDir });
    appendFileSync(files[0]!, "\n10:00 2031-01-02\nappended, cache; test\n1, a new entry\n");
    expect(await lookups()).toEqual({ hits: files.length - 1, misses: 1, damaged: 0 });
    const fresh = await loadTimeline(files);
    expect(fresh.byId.has("2031-01-02T10:00")).toBe(true);
    expect(await loadTimeline(files, {}, { cacheDir })).toEqual(fresh);
  });

  it("parses every file again under other parse options", async () => {
    await loadTimeline(files, {}, { cacheDir });
    const options: ParseOptions = { dateOrder: "mdy", redact: { rules: ["ipv4"], names: ["suse"] }, blogPhrases: ["blog it"] };
    expect(await lookups(options)).toEqual({ hits: 0, misses: files.length, damaged: 0 });
    const fresh = await loadTimeline(files, options);
    expect(await loadTimeline(files, options, { cacheDir })).toEqual(fresh);
    expect(await loadTimeline(files, options, { cacheDir })).toEqual(fresh);
  });

  it("detects a damaged or foreign record, ignores it and writes it again", async () => {
    const fresh = await loadTimeline(files);
    await loadTimeline(files, {}, { cacheDir });
    const [first, second, third, fourth] = records().map((name) => path.join(cacheDir, name));
    const flipped = readFileSync(first!);
    const at = flipped.length - 100;
    flipped.writeUInt8(flipped.readUInt8(at) ^ 0x20, at);
    writeFileSync(first!, flipped);
    writeFileSync(second!, readFileSync(second!).subarray(0, 200));
    writeFileSync(third!, "not a record");
    copyFileSync(path.join(cacheDir, records().at(-1)!), fourth!); // another file's record under this name
    expect(await lookups()).toEqual({ hits: files.length - 4, misses: 4, damaged: 3 });
    expect(await loadTimeline(files, {}, { cacheDir })).toEqual(fresh);
    expect(await lookups()).toEqual({ hits: files.length, misses: 0, damaged: 0 });
  });

  it("removes the records of files a build no longer reads", async () => {
    await loadTimeline(files, {}, { cacheDir });
    files = files.slice(0, 3);
    await loadTimeline(files, {}, { cacheDir });
    expect(records()).toHaveLength(3);
  });

  it("still builds when the cache folder cannot be written", async () => {
    writeFileSync(cacheDir, "a file where the folder should be");
    expect(await loadTimeline(files, {}, { cacheDir })).toEqual(await loadTimeline(files));
  });

  it("in a process that keeps its memory, hands back the same parse for unchanged bytes, and forgets files no longer read", async () => {
    const memory: ParseCacheMemory = new Map();
    const first = await loadTimeline(files, {}, { cacheDir, memory });
    expect(new Set(memory.keys())).toEqual(new Set(files));
    const kept = new Map([...memory].map(([file, { parsed }]) => [file, parsed]));
    // Its record gone, an unchanged file still comes from memory; a changed one is parsed again.
    rmSync(cacheDir, { recursive: true });
    appendFileSync(files[0]!, "\n10:00 2031-01-02\nappended, cache; test\n1, a new entry\n");
    const second = await loadTimeline(files, {}, { cacheDir, memory });
    expect(memory.get(files[0]!)!.parsed).not.toBe(kept.get(files[0]!));
    for (const file of files.slice(1)) expect(memory.get(file)!.parsed).toBe(kept.get(file));
    expect(second).toEqual(await loadTimeline(files));
    expect(second.entries.length).toBe(first.entries.length + 1);
    // Other options are another key: every file is parsed again.
    await loadTimeline(files, { dateOrder: "dmy" }, { cacheDir, memory });
    for (const file of files.slice(1)) expect(memory.get(file)!.parsed).not.toBe(kept.get(file));
    await loadTimeline(files.slice(1), {}, { cacheDir, memory });
    expect(memory.has(files[0]!)).toBe(false);
  });
});
