import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPageStore, type StoredPage } from "./page-store.ts";

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "dotlog-page-store-"));
  dir = path.join(root, "store");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const pages: Record<string, [hash: string, content: string]> = {
  "2012/11/07/index.html": ["h-day", "<p>7 November 2012: 虚拟化</p>"],
  "2012/11/07/1817-virsh-attach-disk/index.html": ["h-entry", "<p>virsh attach-disk sles11-hvm /dev/sdb1 sda</p>"],
  "tags/libvirt/feed.xml": ["h-feed", "<feed/>"],
};

/** A build that wrote `written` (file → [hash, content]) and whose pages have `hashes`. */
async function build(written: Record<string, [string, string]>, hashes = Object.fromEntries(Object.entries(written).map(([file, [hash]]) => [file, hash]))): Promise<void> {
  const store = await openPageStore(dir);
  for (const [file, [hash, content]] of Object.entries(written)) store.add(file, hash, content);
  await store.save(hashes);
}

/** Copies every page the store holds with the given hashes into a new folder: the files it could not copy. */
async function copyAll(hashes: Record<string, string>): Promise<{ out: string; failed: string[]; found: number }> {
  const store = await openPageStore(dir);
  const found = new Map<string, StoredPage>();
  for (const [file, hash] of Object.entries(hashes)) {
    const page = store.find(file, hash);
    if (page) found.set(file, page);
  }
  const out = mkdtempSync(path.join(root, "site-"));
  const failed = await store.copyOut(found, out);
  store.close();
  return { out, failed, found: found.size };
}

const segments = (): string[] => readdirSync(dir).filter((name) => name.endsWith(".bin"));
const hashesOf = (record: Record<string, [string, string]>) => Object.fromEntries(Object.entries(record).map(([file, [hash]]) => [file, hash]));

describe("the page store", () => {
  it("gives back the bytes of each page it kept, by file and hash, into another folder", async () => {
    await build(pages);
    const { out, failed, found } = await copyAll(hashesOf(pages));
    expect([found, failed]).toEqual([3, []]);
    for (const [file, [, content]] of Object.entries(pages)) expect(readFileSync(path.join(out, file), "utf8")).toBe(content);
  });

  it("gives nothing for a page whose inputs changed, or a file it does not hold", async () => {
    await build(pages);
    const store = await openPageStore(dir);
    expect(store.find("2012/11/07/index.html", "h-day")).toBeDefined();
    expect(store.find("2012/11/07/index.html", "h-day-changed")).toBeUndefined();
    expect(store.find("2012/11/08/index.html", "h-day")).toBeUndefined();
    store.close();
  });

  it("holds the pages of the last build only, and the pages it kept from builds before", async () => {
    await build(pages);
    // An in-place build that rewrote the day page, kept the entry page, and dropped the feed.
    await build({ "2012/11/07/index.html": ["h-day-2", "<p>a new note</p>"] }, { "2012/11/07/index.html": "h-day-2", "2012/11/07/1817-virsh-attach-disk/index.html": "h-entry" });
    const { out, failed, found } = await copyAll({ ...hashesOf(pages), "2012/11/07/index.html": "h-day-2" });
    expect([found, failed]).toEqual([2, []]);
    expect(readFileSync(path.join(out, "2012/11/07/index.html"), "utf8")).toBe("<p>a new note</p>");
    expect(existsSync(path.join(out, "tags/libvirt/feed.xml"))).toBe(false);
  });

  it("copies again what a damaged segment holds: the page is reported, not written", async () => {
    await build(pages);
    const [segment] = segments();
    const file = path.join(dir, segment!);
    const bytes = readFileSync(file);
    const at = bytes.indexOf("virsh");
    bytes[at] = "V".charCodeAt(0);
    writeFileSync(file, bytes);
    const { out, failed } = await copyAll(hashesOf(pages));
    expect(failed).toEqual(["2012/11/07/1817-virsh-attach-disk/index.html"]);
    expect(existsSync(path.join(out, failed[0]!))).toBe(false);
    expect(readFileSync(path.join(out, "2012/11/07/index.html"), "utf8")).toBe(pages["2012/11/07/index.html"]![1]);
  });

  it("uses no page of a segment cut short, or of a damaged or missing index", async () => {
    await build(pages);
    const segment = path.join(dir, segments()[0]!);
    truncateSync(segment, statSync(segment).size - 3);
    expect((await copyAll(hashesOf(pages))).found).toBe(0);

    await build(pages);
    const index = path.join(dir, "index.json");
    writeFileSync(index, readFileSync(index, "utf8").replace("h-day", "h-dax"));
    expect((await copyAll(hashesOf(pages))).found).toBe(0);
    writeFileSync(index, "{ not json");
    expect((await copyAll(hashesOf(pages))).found).toBe(0);
    rmSync(dir, { recursive: true });
    expect((await copyAll(hashesOf(pages))).found).toBe(0);
  });

  it("removes the segments no index names once their build is over, and leaves those of running builds", async () => {
    await build(pages);
    const first = segments();
    // A segment left by a build that was killed (no such process), and one of a build still running (this test's parent).
    writeFileSync(path.join(dir, "seg-999999999-0123456789ab.bin"), "left over");
    writeFileSync(path.join(dir, `seg-${process.ppid}-0123456789ab.bin`), "being written");
    await build({ "2012/11/07/index.html": ["h-day-2", "<p>all new</p>"] });
    expect(segments()).not.toContain(first[0]);
    expect(segments()).not.toContain("seg-999999999-0123456789ab.bin");
    expect(segments()).toContain(`seg-${process.ppid}-0123456789ab.bin`);
  });

  it("writes the pages still in the site into one segment when most of its bytes are gone", async () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`2012/11/${i}/index.html`, [`h${i}`, `<p>page ${i} ${"x".repeat(200)}</p>`]])) as Record<string, [string, string]>;
    await build(many);
    // Each build rewrites a few pages and keeps the rest: one more segment each time.
    for (let round = 1; round <= 20; round++) {
      const changed = Object.fromEntries(Object.entries(many).slice(0, 3).map(([file]) => [file, [`h-${round}-${file}`, `<p>round ${round}</p>`]])) as Record<string, [string, string]>;
      Object.assign(many, changed);
      await build(changed, hashesOf(many));
      expect(segments().length).toBeLessThanOrEqual(16);
    }
    const { out, failed, found } = await copyAll(hashesOf(many));
    expect([found, failed]).toEqual([40, []]);
    for (const [file, [, content]] of Object.entries(many)) expect(readFileSync(path.join(out, file), "utf8")).toBe(content);
    const stored = segments().reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
    const live = Object.values(many).reduce((sum, [, content]) => sum + Buffer.byteLength(content), 0);
    expect(stored).toBeLessThanOrEqual(2 * live);
  });

  it("records nothing when its folder cannot be written, and the build goes on", async () => {
    // A file where the store's folder should be: every write fails.
    writeFileSync(dir, "not a folder");
    await build(pages);
    rmSync(dir);
    expect((await copyAll(hashesOf(pages))).found).toBe(0);
  });
});
