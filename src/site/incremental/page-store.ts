// The bytes of the paginated pages Eleventy wrote, kept in the cache by the hash of their
// inputs (plan-pages.ts), so that a build into a new or foreign site folder — every deploy on a
// host that keeps the cache between builds but not the site — copies each page whose inputs did
// not change instead of rendering it.
//
// The pages are kept in a few large files ("segments"), not a file each: a build adds one
// segment of the pages it wrote, as it writes them (one sequential write, where a file a page
// would cost a build ~14,000 more file creations at 10,000 entries), and never changes it after.
// `index.json` says, for each page of the last build, its hash, where its bytes are and their
// checksum; it is replaced whole (written beside and renamed), so a reader sees an old index or
// the new one, never half of one. Segments that no index names are removed once the build that
// wrote them is over, and when most of the segments' bytes are pages no longer in the site, the
// pages still in it are written into one new segment: the store holds about one site's pages.
//
// Builds that share a cache folder may lose each other's index updates (the last one wins),
// or find that a segment another build pruned is gone: a page is then rendered again. A page
// whose bytes do not match their checksum is rendered again too (`copyOut`).

import { hash, randomBytes } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readSync, writeSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { isRunning } from "../is-running.ts";

/** Where one page's bytes are. */
export interface StoredPage {
  /** The hash of the page's inputs (plan-pages.ts) when it was written. */
  hash: string;
  segment: string;
  offset: number;
  length: number;
  /** Of the bytes, so that a damaged segment is never copied into a site. */
  checksum: string;
}

export interface PageStore {
  /** The stored bytes of `file` (relative to the site folder), when they were made from inputs of hash `hash`. */
  find(file: string, hash: string): StoredPage | undefined;
  /** Keeps a page this build wrote, made from inputs of hash `hash`. */
  add(file: string, hash: string, content: string | Uint8Array): void;
  /**
   * Copies `pages` out of the store into `dir` (one worker thread, beside the caller's work);
   * resolves to the files it could not copy (a damaged or missing segment), to be written otherwise.
   */
  copyOut(pages: ReadonlyMap<string, StoredPage>, dir: string): Promise<string[]>;
  /**
   * Records the store as this build leaves it: the pages of `hashes` (the build's output file →
   * hash) it holds with those hashes, and nothing else. Then closes the store.
   */
  save(hashes: Readonly<Record<string, string>>): Promise<void>;
  /** Closes the store without recording anything (a failed build). */
  close(): void;
}

const FORMAT = "dotlog-page-store-1";
const INDEX = "index.json";
/** Past this many segments, or when less than half their bytes are pages still in the site, the store is compacted. */
const MAX_SEGMENTS = 16;
const SEGMENT = /^seg-(\d+)-[0-9a-f]+\.bin$/;

/** [hash, segment number, offset, length, checksum] */
type IndexRecord = [string, number, number, number, string];

interface StoreIndex {
  segments: string[];
  pages: Record<string, IndexRecord>;
}

/** Segments this process is writing: not yet named by an index, and not to be pruned by another build of this process. */
const writing = new Set<string>();

/** The store in `dir` (created when a page is first added); one that cannot be read is an empty store. */
export async function openPageStore(dir: string): Promise<PageStore> {
  const index = await readIndex(dir);
  // Opened now: a segment another build prunes afterwards can still be read from (POSIX).
  const segments = new Map<string, number>();
  for (const name of new Set(Object.values(index?.pages ?? {}).map(([, segment]) => index!.segments[segment]))) {
    const fd = typeof name === "string" && SEGMENT.test(name) ? openSegment(path.join(dir, name)) : null;
    if (fd !== null) segments.set(name!, fd);
  }
  const known = new Map<string, StoredPage>();
  const ends = new Map<string, number>();
  for (const [file, [hash, segment, offset, length, checksum]] of Object.entries(index?.pages ?? {})) {
    const name = index!.segments[segment];
    if (name === undefined || !segments.has(name)) continue;
    known.set(file, { hash, segment: name, offset, length, checksum });
    ends.set(name, Math.max(ends.get(name) ?? 0, offset + length));
  }
  // A segment shorter than its pages reach was cut short: none of its pages are used.
  for (const [name, fd] of segments) {
    if (fstatSync(fd).size >= (ends.get(name) ?? 0)) continue;
    closeSync(fd);
    segments.delete(name);
  }
  for (const [file, page] of known) if (!segments.has(page.segment)) known.delete(file);

  const added = new Map<string, StoredPage>();
  let out: { name: string; fd: number; size: number } | null = null;
  const segmentFd = (name: string): number | undefined => (name === out?.name ? out.fd : segments.get(name));
  const closeAll = (): void => {
    for (const fd of segments.values()) closeSync(fd);
    segments.clear();
    if (out) {
      closeSync(out.fd);
      writing.delete(out.name);
      out = null;
    }
  };
  const append = (bytes: Uint8Array): { segment: string; offset: number } => {
    if (!out) {
      const name = `seg-${process.pid}-${randomBytes(6).toString("hex")}.bin`;
      writing.add(name);
      mkdirSync(dir, { recursive: true });
      out = { name, fd: openSync(path.join(dir, name), "wx"), size: 0 };
    }
    const offset = out.size;
    for (let done = 0; done < bytes.length; ) done += writeSync(out.fd, bytes, done, bytes.length - done);
    out.size += bytes.length;
    return { segment: out.name, offset };
  };
  let failed = false;

  return {
    find(file, hash) {
      const page = known.get(file);
      return page?.hash === hash ? page : undefined;
    },
    add(file, hash, content) {
      if (failed) return;
      const bytes = typeof content === "string" ? Buffer.from(content) : content;
      try {
        const { segment, offset } = append(bytes);
        added.set(file, { hash, segment, offset, length: bytes.length, checksum: checksumOf(bytes) });
      } catch {
        // A full disk or an unwritable cache: the build goes on without keeping its pages.
        failed = true;
      }
    },
    copyOut: (pages, dir) => copyOut(pages, dir, segmentFd),
    async save(hashes) {
      try {
        if (failed) throw new Error("the store could not be written");
        const pages = new Map<string, StoredPage>();
        for (const [file, hash] of Object.entries(hashes)) {
          const page = added.get(file) ?? known.get(file);
          if (page?.hash === hash) pages.set(file, page);
        }
        if (needsCompacting(pages, out?.name, (name) => fstatSync(segments.get(name)!).size)) {
          for (const [file, page] of pages) {
            if (page.segment === out?.name) continue;
            const bytes = readPage(segments.get(page.segment)!, page);
            pages.set(file, { ...page, ...append(bytes) });
          }
        }
        const same = pages.size === known.size && [...pages].every(([file, page]) => known.get(file) === page);
        if (pages.size === 0) await rm(path.join(dir, INDEX), { force: true });
        else if (!same) await writeIndex(dir, pages);
        const kept = new Set([...pages.values()].map((page) => page.segment));
        closeAll();
        await prune(dir, kept);
      } catch {
        // The index is replaced whole or not at all, and names only segments written in full
        // and still there (nothing was pruned): the last build's record still holds.
        closeAll();
      }
    },
    close: closeAll,
  };
}

function checksumOf(bytes: Uint8Array): string {
  return hash("sha1", bytes, "base64url");
}

function needsCompacting(pages: ReadonlyMap<string, StoredPage>, current: string | undefined, size: (segment: string) => number): boolean {
  const live = new Map<string, number>();
  for (const page of pages.values()) if (page.segment !== current) live.set(page.segment, (live.get(page.segment) ?? 0) + page.length);
  if (live.size === 0) return false;
  if (live.size >= MAX_SEGMENTS) return true;
  let bytes = 0;
  let total = 0;
  for (const [segment, used] of live) {
    bytes += used;
    total += size(segment);
  }
  return bytes * 2 < total;
}

function readPage(fd: number, page: StoredPage): Buffer {
  const bytes = Buffer.alloc(page.length);
  for (let done = 0; done < page.length; ) {
    const read = readSync(fd, bytes, done, page.length - done, page.offset + done);
    if (read === 0) throw new Error("a segment was cut short");
    done += read;
  }
  return bytes;
}

function openSegment(file: string): number | null {
  try {
    return openSync(file, "r");
  } catch {
    return null;
  }
}

async function readIndex(dir: string): Promise<StoreIndex | null> {
  const text = await readFile(path.join(dir, INDEX), "utf8").catch(() => null);
  if (text === null) return null;
  try {
    const { format, checksum, store } = JSON.parse(text) as { format?: string; checksum?: string; store?: StoreIndex };
    if (format !== FORMAT || !store || checksum !== hash("sha256", JSON.stringify(store), "hex")) return null;
    return store;
  } catch {
    return null;
  }
}

async function writeIndex(dir: string, pages: ReadonlyMap<string, StoredPage>): Promise<void> {
  const segments = [...new Set([...pages.values()].map((page) => page.segment))];
  const number = new Map(segments.map((name, i) => [name, i]));
  const store: StoreIndex = { segments, pages: {} };
  for (const [file, page] of pages) store.pages[file] = [page.hash, number.get(page.segment)!, page.offset, page.length, page.checksum];
  await mkdir(dir, { recursive: true });
  const partial = path.join(dir, `${INDEX}.${process.pid}`);
  const json = JSON.stringify(store);
  await writeFile(partial, `{"format":${JSON.stringify(FORMAT)},"checksum":"${hash("sha256", json, "hex")}","store":${json}}`);
  await rename(partial, path.join(dir, INDEX));
}

/**
 * Removes the segments the index does not name, but not one another build is still writing:
 * its process is running (or it is this process's, in `writing`).
 */
async function prune(dir: string, kept: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = Number(SEGMENT.exec(name)?.[1]);
    if (!pid || kept.has(name) || writing.has(name)) continue;
    if (pid !== process.pid && isRunning(pid)) continue;
    await rm(path.join(dir, name), { force: true }).catch(() => {});
  }
}

/** Plain CommonJS, evaluated by the worker: reads each page, checks it, writes it. */
const COPIER = `
const { workerData, parentPort } = require("node:worker_threads");
const { mkdirSync, readSync, writeFileSync } = require("node:fs");
const { hash } = require("node:crypto");
const path = require("node:path");
const failed = [];
let buffer = Buffer.alloc(1 << 20);
let made = "";
for (const [file, fd, offset, length, checksum] of workerData.pages) {
  try {
    if (buffer.length < length) buffer = Buffer.alloc(length);
    const bytes = buffer.subarray(0, length);
    let done = 0;
    while (done < length) {
      const read = readSync(fd, bytes, done, length - done, offset + done);
      if (read === 0) break;
      done += read;
    }
    if (done !== length || hash("sha1", bytes, "base64url") !== checksum) {
      failed.push(file);
      continue;
    }
    const target = path.join(workerData.dir, file);
    const folder = path.dirname(target);
    if (folder !== made) mkdirSync(folder, { recursive: true });
    made = folder;
    writeFileSync(target, bytes);
  } catch {
    failed.push(file);
  }
}
parentPort.postMessage(failed);
`;

async function copyOut(pages: ReadonlyMap<string, StoredPage>, dir: string, fdOf: (segment: string) => number | undefined): Promise<string[]> {
  const jobs: [string, number, number, number, string][] = [];
  const failed: string[] = [];
  for (const [file, page] of pages) {
    const fd = fdOf(page.segment);
    if (fd === undefined) failed.push(file);
    else jobs.push([file, fd, page.offset, page.length, page.checksum]);
  }
  // In the order they lie in the segments: one pass over each.
  jobs.sort((a, b) => a[1] - b[1] || a[2] - b[2]);
  if (jobs.length === 0) return failed;
  return new Promise((resolve) => {
    const worker = new Worker(COPIER, { eval: true, workerData: { pages: jobs, dir } });
    let answered = false;
    worker.once("message", (notCopied: string[]) => {
      answered = true;
      resolve([...failed, ...notCopied]);
    });
    // A worker that failed as a whole copied some of the pages, or none: all are written again.
    worker.once("error", () => resolve([...failed, ...jobs.map(([file]) => file)]));
    worker.once("exit", () => {
      if (!answered) resolve([...failed, ...jobs.map(([file]) => file)]);
    });
  });
}
