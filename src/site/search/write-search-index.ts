// Search documents → a Pagefind index in `<outDir>/pagefind/`, with Pagefind's Node API in
// this process: records are fed as they are (no HTML to re-parse), so only entry pages and
// posts are ever indexed — never the day, month, tag or home pages that repeat them.

import { createHash } from "node:crypto";
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { close, createIndex } from "pagefind";
import type { SearchDocument } from "./documents.ts";

/**
 * Pagefind splits an index by language and a browser searches only its page's language.
 * One index under a segmenting language makes Chinese words findable inside Chinese
 * sentences, and English words and identifiers are indexed as usual alongside them, so a
 * page in any language searches every entry.
 */
export const SEARCH_LANGUAGE = "zh-cn";

export interface SearchReport {
  /** `<outDir>/pagefind` */
  outputPath: string;
  records: number;
  /** True when the bundle was copied from the cache: the documents had not changed. */
  cached: boolean;
  /** Problems Pagefind reported for single records; the index is written without them. */
  errors: string[];
  ms: number;
}

export interface WriteSearchIndexOptions {
  outDir: string;
  documents: readonly SearchDocument[];
  /**
   * A folder for the last bundle written, keyed by a hash of the records and Pagefind's
   * version: a rebuild whose documents have not changed copies it instead of indexing again.
   */
  cacheDir?: string;
}

// One index at a time: Pagefind runs as one shared child process, and closing it after one
// index must not cut off another (the dev server rebuilds while a reader edits).
let queue: Promise<unknown> = Promise.resolve();

export function writeSearchIndex(options: WriteSearchIndexOptions): Promise<SearchReport> {
  const run = queue.then(() => writeOnce(options));
  queue = run.catch(() => undefined);
  return run;
}

async function writeOnce({ outDir, documents, cacheDir }: WriteSearchIndexOptions): Promise<SearchReport> {
  const started = performance.now();
  const outputPath = path.join(outDir, "pagefind");
  // Written beside the old bundle and swapped in, so a rebuild under the dev server leaves no
  // fragment of an entry that is gone (or no longer published) and no window without an index.
  const fresh = path.join(outDir, `.pagefind-${process.pid}`);
  await rm(fresh, { recursive: true, force: true });
  const records = documents.map(toRecord);
  const cached = cacheDir ? path.join(cacheDir, `search-${await bundleKey(records)}`) : null;
  // Another build sharing the cache folder may replace the bundle while it is being linked:
  // then this build indexes as if there were no cache.
  if (cached && (await isBundle(cached)) && (await linkTree(cached, fresh).then(() => true, () => false))) {
    await swapIn(fresh, outputPath);
    return { outputPath, records: records.length, cached: true, errors: [], ms: Math.round(performance.now() - started) };
  }
  await rm(fresh, { recursive: true, force: true });
  const created = await createIndex({ forceLanguage: SEARCH_LANGUAGE });
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not create an index: ${created.errors.join("; ")}`);
  try {
    const errors: string[] = [...created.errors];
    let indexed = 0;
    // Pagefind's service answers messages by id, so records can be sent without waiting.
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    added.forEach((response, i) => {
      if (response.errors.length > 0) errors.push(`${records[i]!.url}: ${response.errors.join("; ")}`);
      else indexed++;
    });
    const written = await index.writeFiles({ outputPath: fresh });
    errors.push(...written.errors);
    await removeUnusedUi(fresh);
    if (cached && errors.length === 0) await keepInCache(fresh, cached);
    await swapIn(fresh, outputPath);
    return { outputPath, records: indexed, cached: false, errors, ms: Math.round(performance.now() - started) };
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  } finally {
    await index.deleteIndex();
    // The Pagefind binary is a child process: leaving it running keeps Node from exiting.
    await close();
  }
}

// Pagefind writes its own three search UIs and a highlighter beside the search library; the
// search page uses the library alone (templates/assets/search.js), so they are not published.
const UNUSED_UI = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

async function removeUnusedUi(bundle: string): Promise<void> {
  for (const name of await readdir(bundle)) if (UNUSED_UI.test(name)) await rm(path.join(bundle, name));
}

async function swapIn(fresh: string, outputPath: string): Promise<void> {
  await rm(outputPath, { recursive: true, force: true });
  await rename(fresh, outputPath);
}

// What decides the bundle: the records as sent, the forced language and Pagefind's version.
async function bundleKey(records: readonly ReturnType<typeof toRecord>[]): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`${await pagefindVersion()}\0${SEARCH_LANGUAGE}\0`);
  for (const record of records) hash.update(JSON.stringify(record)).update("\0");
  return hash.digest("hex").slice(0, 32);
}

async function pagefindVersion(): Promise<string> {
  const main = fileURLToPath(import.meta.resolve("pagefind"));
  const pkg = JSON.parse(await readFile(path.join(path.dirname(main), "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/** A complete bundle: its entry file parses and names a meta file that exists. */
async function isBundle(dir: string): Promise<boolean> {
  try {
    const entry = JSON.parse(await readFile(path.join(dir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { hash: string }> };
    const languages = Object.values(entry.languages);
    if (languages.length === 0) return false;
    for (const { hash } of languages) await stat(path.join(dir, `pagefind.${hash}.pf_meta`));
    return true;
  } catch {
    return false;
  }
}

/** The cache keeps one bundle: the last one written. Copied in whole, then renamed. */
async function keepInCache(bundle: string, cached: string): Promise<void> {
  const cacheDir = path.dirname(cached);
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  for (const name of names) if (name.startsWith("search-")) await rm(path.join(cacheDir, name), { recursive: true, force: true });
  const partial = `${cached}.partial-${process.pid}`;
  await linkTree(bundle, partial);
  await rename(partial, cached);
}

/**
 * A copy of a folder made of hard links: a bundle's files are never changed in place (a new
 * bundle replaces the folder), so the cache and the site can share them. Copies across disks.
 */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const item of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, item.name);
    const target = path.join(to, item.name);
    if (item.isDirectory()) await linkTree(source, target);
    else await link(source, target).catch(() => copyFile(source, target));
  }
}

function toRecord(document: SearchDocument) {
  return {
    url: document.url,
    content: document.text,
    language: SEARCH_LANGUAGE,
    meta: {
      title: document.title,
      date: document.date,
      tags: document.tags.join(", "),
      terms: document.terms,
    },
    filters: { tag: document.tags, year: [document.year], kind: [document.kind] },
    sort: { date: document.date },
  };
}
