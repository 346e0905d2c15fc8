import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadTimeline, type Timeline } from "../../log/index.ts";
import { searchDocuments } from "./documents.ts";
import { openTermsCache } from "./terms-cache.ts";

const LOGS = [path.resolve("content/000_76b23a5250f26162.txt"), path.resolve("test/fixtures/corpus/log2013.txt")];

let timeline: Timeline;
beforeAll(async () => {
  timeline = await loadTimeline(LOGS);
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dotlog-terms-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The documents of `of` through a cache in `dir`, and how many texts were taken apart. */
async function build(of: Timeline) {
  const cache = await openTermsCache(dir);
  let made = 0;
  const counting = {
    terms: (text: string, make: (text: string) => string) => cache.terms(text, (t) => (made++, make(t))),
    save: () => cache.save(),
  };
  const documents = searchDocuments(of, [], counting);
  await cache.save();
  return { documents, made };
}

describe("the terms cache", () => {
  it("gives the documents a build without it gives, and takes nothing apart again for the same texts", async () => {
    const plain = searchDocuments(timeline);
    const cold = await build(timeline);
    expect(cold.made).toBe(timeline.entries.length);
    expect(cold.documents).toEqual(plain);
    const warm = await build(timeline);
    expect(warm.made).toBe(0);
    expect(warm.documents).toEqual(plain);
  });

  it("takes apart again only a text that changed", async () => {
    await build(timeline);
    const entries = timeline.entries.map((entry, i) => (i === 3 ? { ...entry, title: `${entry.title} renamed_thing` } : entry));
    const edited = { ...timeline, entries };
    const run = await build(edited);
    expect(run.made).toBe(1);
    expect(run.documents[3]!.terms).toContain("renamed");
    expect(run.documents).toEqual(searchDocuments(edited));
  });

  it("leaves the file as it is when nothing changed", async () => {
    await build(timeline);
    const file = path.join(dir, "terms.json");
    const before = await stat(file);
    await build(timeline);
    const after = await stat(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it("does not fail a build when its folder cannot be written", async () => {
    const blocked = path.join(dir, "blocked");
    await writeFile(blocked, "a file where the folder would be");
    const cache = await openTermsCache(blocked);
    expect(cache.terms("domainBlockStats", () => "domain Block Stats")).toBe("domain Block Stats");
    await expect(cache.save()).resolves.toBeUndefined();
  });

  it("uses nothing of a damaged file, or of one another version of the code wrote", async () => {
    await build(timeline);
    const file = path.join(dir, "terms.json");
    const text = await readFile(file, "utf8");
    const record = /\["[\w-]{43}","([^"]+)"\]/.exec(text)!;
    await writeFile(file, text.replace(record[0], record[0].replace(record[1]!, `${record[1]} forged`)));
    expect((await build(timeline)).made).toBe(timeline.entries.length);
    const rewritten = JSON.parse(await readFile(file, "utf8")) as { code: string };
    await writeFile(file, (await readFile(file, "utf8")).replace(rewritten.code, "another-version"));
    const run = await build(timeline);
    expect(run.made).toBe(timeline.entries.length);
    expect(run.documents).toEqual(searchDocuments(timeline));
  });
});
