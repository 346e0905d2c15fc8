// Search documents → a Pagefind index in `<outDir>/pagefind/`, with Pagefind's Node API in
// this process: records are fed as they are (no HTML to re-parse), so only entry pages and
// posts are ever indexed — never the day, month, tag or home pages that repeat them.
//
// The records are cut into parts (index-parts.ts), each its own Pagefind index, cached by a
// hash of its records: appending an entry re-indexes the newest part only. The oldest part is
// the bundle at `pagefind/` (Pagefind's script, worker and WASM with it); each newer part is
// an index alone in `pagefind/parts/<key>/`; `pagefind/parts.json` lists them in date order
// and `pagefind/merged-search.js` merges them in the browser. Each part is stored the way the
// site serves it (served-bundle.ts): its meta and the WASM uncompressed, its pages named by
// their place in date order.

import { createHash, randomUUID } from "node:crypto";
import { constants, copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { close, createIndex } from "pagefind";
import type { SearchDocument } from "./documents.ts";
import { partitionRecords, type PartSizes } from "./index-parts.ts";
import { META_FOLDER, toServedBundle } from "./served-bundle.ts";

/**
 * Pagefind splits an index by language and a browser searches only its page's language.
 * One index under a segmenting language makes Chinese words findable inside Chinese
 * sentences, and English words and identifiers are indexed as usual alongside them, so a
 * page in any language searches every entry.
 */
export const SEARCH_LANGUAGE = "zh-cn";

/**
 * Pagefind cuts a word index into chunks of about this many word locations (its default), and
 * a query fetches one chunk a term from every part. A small index's chunks span far more words
 * (each word is listed with few pages), so a part's chunks are made smaller in proportion to its
 * records: one location a record (a 3,000-record part: 3,000), so that the four parts of a
 * 10,000-entry log cost a query term ~5 KB in all. Smaller chunks cost less a query but list
 * more chunks in each part's meta, which the first query loads (half a location a record:
 * ~3.5 KB a term, +21 KB of meta; measured in docs/performance-history.md, "Search index in parts").
 * Pagefind 1.6 takes the size only from its environment, as an unstable setting.
 */
const DEFAULT_CHUNK_SIZE = 20_000;
const CHUNK_LOCATIONS_PER_RECORD = 1;
const MIN_CHUNK_SIZE = 100;
const CHUNK_SIZE_VARIABLE = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";

export function chunkSizeFor(records: number): number {
  return Math.max(MIN_CHUNK_SIZE, Math.min(DEFAULT_CHUNK_SIZE, Math.round(records * CHUNK_LOCATIONS_PER_RECORD)));
}

/** The list of parts the browser reads, beside the oldest part's bundle. */
export const PARTS_FILE = "parts.json";
/** The browser side of the parts, copied beside Pagefind's own script. */
export const MERGED_SEARCH_FILE = "merged-search.js";
const mergedSearchSource = fileURLToPath(new URL("./merged-search.js", import.meta.url));

export interface SearchPartInfo {
  /** The part's folder relative to `pagefind/`: `""` for the oldest, `parts/<key>/` for the others. */
  path: string;
  /** What its pages' names (Pagefind's result ids) start with; the rest is their place in date order. */
  ids: string;
  /** Dates of its oldest and newest record. */
  from: string;
  to: string;
  records: number;
}

export interface SearchParts {
  parts: SearchPartInfo[];
}

export interface SearchReport {
  /** `<outDir>/pagefind` */
  outputPath: string;
  records: number;
  /** True when every part was linked from the cache: the documents had not changed. */
  cached: boolean;
  /** How many parts the index has, and how many of them Pagefind indexed or the cache gave. */
  parts: { total: number; indexed: number; cached: number };
  /** Problems Pagefind reported for single records; the index is written without them. */
  errors: string[];
  ms: number;
}

export interface WriteSearchIndexOptions {
  outDir: string;
  documents: readonly SearchDocument[];
  /**
   * A folder for the parts of the last index written, each keyed by a hash of its records and
   * Pagefind's version: a part whose records have not changed is linked instead of indexed.
   */
  cacheDir?: string;
  /** Where the records are cut into parts (tests use small ones); PART_SIZES by default. */
  partSizes?: PartSizes;
}

// One index at a time: Pagefind runs as one shared child process, and closing it after one
// index must not cut off another (the dev server rebuilds while a reader edits).
let queue: Promise<unknown> = Promise.resolve();

export function writeSearchIndex(options: WriteSearchIndexOptions): Promise<SearchReport> {
  const run = queue.then(() => writeOnce(options));
  queue = run.catch(() => undefined);
  return run;
}

type SearchRecord = ReturnType<typeof toRecord>;

interface Part {
  key: string;
  records: SearchRecord[];
  /** Where it goes in the new bundle, relative to `pagefind/`. */
  path: string;
}

async function writeOnce({ outDir, documents, cacheDir, partSizes }: WriteSearchIndexOptions): Promise<SearchReport> {
  const started = performance.now();
  const outputPath = path.join(outDir, "pagefind");
  // Written beside the old bundle and swapped in, so a rebuild under the dev server leaves no
  // fragment of an entry that is gone (or no longer published) and no window without an index.
  const fresh = path.join(outDir, `.pagefind-${uniqueSuffix()}`);
  // Parts Pagefind writes go here whole first (the cache keeps them whole).
  const work = `${fresh}.parts`;
  await Promise.all([rm(fresh, { recursive: true, force: true }), rm(work, { recursive: true, force: true })]);
  const version = await pagefindVersion();
  // A site with nothing to search still gets an index (one empty part): its search page works.
  const groups = partitionRecords(documents, partSizes);
  const parts: Part[] = (groups.length > 0 ? groups : [[]]).map((group, i) => {
    const records = group.map(toRecord);
    const key = partKey(version, chunkSizeFor(records.length), records);
    return { key, records, path: i === 0 ? "" : `parts/${key}/` };
  });

  const errors: string[] = [];
  let records = 0;
  let indexed = 0;
  try {
    await mkdir(fresh, { recursive: true });
    const toIndex: Part[] = [];
    // Another build sharing the cache folder may replace a part while it is being linked:
    // then this build indexes that part as if there were no cache.
    for (const part of parts) {
      const cached = cacheDir ? path.join(cacheDir, `part-${part.key}`) : null;
      if (cached && (await isBundle(cached)) && (await placePart(cached, fresh, part).then(() => true, () => false))) {
        records += part.records.length;
      } else {
        // What a failed link left is removed: the part is written there afresh.
        if (part.path !== "") await rm(path.join(fresh, part.path), { recursive: true, force: true });
        else await rm(fresh, { recursive: true, force: true }).then(() => mkdir(fresh, { recursive: true }));
        toIndex.push(part);
      }
    }
    if (toIndex.length > 0) {
      try {
        for (const part of toIndex) {
          const bundle = path.join(work, part.key);
          const result = await indexPart(part.records, bundle, idsOf(part));
          records += result.indexed;
          errors.push(...result.errors);
          indexed++;
          if (cacheDir && result.errors.length === 0) await keepInCache(bundle, path.join(cacheDir, `part-${part.key}`));
          await placePart(bundle, fresh, part);
        }
      } finally {
        // The Pagefind binary is a child process: leaving it running keeps Node from exiting.
        await close();
      }
    }
    await writeFile(path.join(fresh, PARTS_FILE), `${JSON.stringify(partsList(parts))}\n`);
    await copyFile(mergedSearchSource, path.join(fresh, MERGED_SEARCH_FILE));
    if (cacheDir) await forgetOtherParts(cacheDir, new Set(parts.map((part) => `part-${part.key}`)));
    await swapIn(fresh, outputPath);
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const cachedParts = parts.length - indexed;
  return {
    outputPath,
    records,
    cached: indexed === 0,
    parts: { total: parts.length, indexed, cached: cachedParts },
    errors,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * A new Pagefind index, from a service of its own started with the chunk size this part needs.
 * A service does not give back its memory when an index is deleted: four 3,500-record parts
 * in one service peaked at 552 MiB, against ~380 MiB each in a service of its own.
 */
async function createPartIndex(chunkSize: number): ReturnType<typeof createIndex> {
  await close();
  const previous = process.env[CHUNK_SIZE_VARIABLE];
  process.env[CHUNK_SIZE_VARIABLE] = String(chunkSize);
  try {
    // The service (a child process) starts on the first call and reads its environment then.
    return await createIndex({ forceLanguage: SEARCH_LANGUAGE });
  } finally {
    if (previous === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
    else process.env[CHUNK_SIZE_VARIABLE] = previous;
  }
}

/** One part through Pagefind into `bundle`, a folder of its own, its pages named `<ids><rank>`. */
async function indexPart(records: readonly SearchRecord[], bundle: string, ids: string): Promise<{ indexed: number; errors: string[] }> {
  const created = await createPartIndex(chunkSizeFor(records.length));
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
    const written = await index.writeFiles({ outputPath: bundle });
    errors.push(...written.errors);
    await removeUnusedUi(bundle);
    toServedBundle(bundle, ids);
    return { indexed, errors };
  } finally {
    await index.deleteIndex();
  }
}

function partsList(parts: readonly Part[]): SearchParts {
  return {
    parts: parts.map((part) => ({
      path: part.path,
      ids: idsOf(part),
      from: part.records[0]?.sort.date ?? "",
      to: part.records.at(-1)?.sort.date ?? "",
      records: part.records.length,
    })),
  };
}

// Pagefind writes its own three search UIs and a highlighter beside the search library; the
// search page uses the library alone (templates/assets/search.js), so they are not published.
const UNUSED_UI = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;
// A newer part is searched by the oldest part's script and WASM: it needs its index files only.
const INDEX_ONLY = (name: string): boolean => ["pagefind-entry.json", META_FOLDER, "index", "filter", "fragment"].includes(name);

async function removeUnusedUi(bundle: string): Promise<void> {
  for (const name of await readdir(bundle)) if (UNUSED_UI.test(name)) await rm(path.join(bundle, name));
}

/** A part's bundle linked into the new index: the oldest whole, the others their index files. */
async function placePart(bundle: string, fresh: string, part: Part): Promise<void> {
  if (part.path === "") await linkTree(bundle, fresh);
  else await linkTree(bundle, path.join(fresh, part.path), INDEX_ONLY);
}

async function swapIn(fresh: string, outputPath: string): Promise<void> {
  await rm(outputPath, { recursive: true, force: true });
  await rename(fresh, outputPath);
}

/** How served-bundle.ts stores a part: a part cached in another form is indexed again. */
const STORED_AS = "served-1";

// What decides a part: its records as sent, the forced language, the chunk size, Pagefind's
// version and the stored form.
function partKey(version: string, chunkSize: number, records: readonly SearchRecord[]): string {
  const hash = createHash("sha256");
  hash.update(`${version}\0${SEARCH_LANGUAGE}\0${chunkSize}\0${STORED_AS}\0`);
  for (const record of records) hash.update(JSON.stringify(record)).update("\0");
  return hash.digest("hex").slice(0, 24);
}

/**
 * A part's page names start with its own key, so a name a browser has cached for a year never
 * comes back with other content; the language keeps the shape of Pagefind's own names.
 */
const idsOf = (part: Part): string => `${SEARCH_LANGUAGE}_${part.key.slice(0, 12)}`;

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

// Builds in other processes, and other worker threads of this one (each with its own queue),
// may write the same part or site at once: their temporary folders never share a name.
const uniqueSuffix = (): string => `${process.pid}-${randomUUID().slice(0, 8)}`;

/** A part kept in the cache: copied in whole beside its place, then renamed into it. */
async function keepInCache(bundle: string, cached: string): Promise<void> {
  const partial = `${cached}.partial-${uniqueSuffix()}`;
  await rm(partial, { recursive: true, force: true });
  await linkTree(bundle, partial);
  // A damaged copy (this build did not use it) is replaced; one a build sharing the cache has
  // just put there is kept.
  if (!(await isBundle(cached))) await rm(cached, { recursive: true, force: true });
  await rename(partial, cached).catch(() => rm(partial, { recursive: true, force: true }));
}

/**
 * The cache keeps the parts of the last index written, and nothing else (the one-bundle cache
 * of earlier versions, `search-*`, goes too), so it cannot grow without bound.
 */
async function forgetOtherParts(cacheDir: string, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  for (const name of names) {
    if (keep.has(name) || name.includes(".partial-")) continue;
    if (name.startsWith("part-") || name.startsWith("search-")) await rm(path.join(cacheDir, name), { recursive: true, force: true });
  }
}

/**
 * A copy of a folder made of hard links: a bundle's files are never changed in place (a new
 * bundle replaces the folder), so the cache and the site can share them. Copies across disks.
 */
async function linkTree(from: string, to: string, include: (name: string) => boolean = () => true): Promise<void> {
  await mkdir(to, { recursive: true });
  const items = (await readdir(from, { withFileTypes: true })).filter((item) => include(item.name));
  await Promise.all(
    items.map(async (item) => {
      const source = path.join(from, item.name);
      const target = path.join(to, item.name);
      if (item.isDirectory()) await linkTree(source, target);
      // A copy never writes through an existing name: that could be a link into the cache.
      else await link(source, target).catch(() => copyFile(source, target, constants.COPYFILE_EXCL));
    }),
  );
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
