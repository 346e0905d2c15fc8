// A Pagefind bundle rewritten the way the site serves it, so that the first search of a long
// log downloads less: what every first query loads is Pagefind's WASM and each part's meta
// file, which lists every page (measured in docs/performance-history.md, item 30).
//
// - The meta and the WASM stored uncompressed. Pagefind gzips them, so a host's brotli cannot
//   shrink them; its script takes a file that starts with its signature (`pagefind_dcd`) as it
//   is, and the host compresses it better (netlify.toml gives them a type hosts compress).
//   Word chunks and fragments stay as Pagefind wrote them: uncompressed they would save a
//   later query ~2 KB of ~16 under brotli, for ~0.65 s more CPU a cold build at 10,000 entries
//   and three times the disk (32 MB).
// - Pages named by their date order. The meta lists every page by the name of its fragment, a
//   content hash no compressor can shrink (~3.5 bytes a page). Named `<ids><rank in hex>`
//   instead (`ids`: the part's own prefix, from its cache key, so that a changed part never
//   reuses a name a browser has cached for a year), the list compresses to ~1 byte a page,
//   and the name tells the page's place in date order.
// - No sort. Pagefind's date sort is a list of every page (~3.5 KB a 3,400-page part under
//   brotli, ~6 KB at the quality hosts use on the fly): the names give the same order, and
//   merged-search.js sorts by them.
//
// The meta format is Pagefind's own (CBOR; pagefind_web/src/metadata.rs), read and written
// whole; a meta in a format this does not know stops the build, naming Pagefind's version.

import { decode, encode } from "cborg";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/** What Pagefind's script looks for at the start of a file it will not decompress. */
const SIGNATURE = Buffer.from("pagefind_dcd");
/** The sort whose order the page names keep. */
const DATE_SORT = "date";
/**
 * The meta file goes in a folder of its own (`pagefind.meta/<hash>.pf_meta`, by naming its hash
 * `meta/<hash>` in the entry file: Pagefind fetches `pagefind.<hash>.pf_meta`), so that a header
 * rule for a folder can give it a type, beside Pagefind's scripts, and it keeps a name by content.
 */
export const META_FOLDER = "pagefind.meta";

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

/** A page in Pagefind's meta: its fragment's name, its word count, and what Pagefind adds after them. */
type MetaPage = [string, number, ...unknown[]];
type MetaSort = [string, number[]];
type Meta = [string, MetaPage[], unknown[], unknown[], MetaSort[], ...unknown[]];

/**
 * Rewrites the bundle Pagefind wrote in `bundle`, in place, before it is cached or published.
 * Synchronous (the search index's process has nothing else to do meanwhile): ~10,000 renames
 * at 10,000 entries, ~0.2 s of CPU.
 */
export function toServedBundle(bundle: string, ids: string): void {
  const entryFile = path.join(bundle, "pagefind-entry.json");
  const entry = JSON.parse(readFileSync(entryFile, "utf8")) as Entry;
  for (const language of Object.values(entry.languages)) {
    const meta = path.join(bundle, `pagefind.${language.hash}.pf_meta`);
    const pages = rewriteMeta(meta, path.join(bundle, META_FOLDER, `${language.hash}.pf_meta`), ids, entry.version);
    for (const { from, to } of pages) renameSync(path.join(bundle, "fragment", `${from}.pf_fragment`), path.join(bundle, "fragment", `${to}.pf_fragment`));
    language.hash = `meta/${language.hash}`;
  }
  writeFileSync(entryFile, JSON.stringify(entry));
  for (const name of readdirSync(bundle).filter((file) => /^wasm\..+\.pagefind$/.test(file))) {
    const file = path.join(bundle, name);
    writeFileSync(file, uncompressed(readFileSync(file), file));
  }
}

/** A Pagefind file's bytes as its script reads them: the signature, then the data. */
function uncompressed(bytes: Buffer, file: string): Buffer {
  if (startsWithSignature(bytes)) return bytes;
  const inflated = gunzipSync(bytes);
  if (!startsWithSignature(inflated)) throw new Error(`${file} is not a Pagefind file: no signature after decompressing it`);
  return inflated;
}

const startsWithSignature = (bytes: Buffer): boolean => bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE);

/**
 * Writes `from`'s meta to `to` with pages renamed by date order and no sort, removes `from`, and
 * returns each page's old and new name.
 */
function rewriteMeta(from: string, to: string, ids: string, version: string): { from: string; to: string }[] {
  const bytes = uncompressed(readFileSync(from), from);
  const meta = decode(bytes.subarray(SIGNATURE.length)) as unknown;
  if (!isMeta(meta)) throw new Error(`Pagefind ${version} wrote a meta file (${path.basename(from)}) in a format dotlog does not know`);
  const [, pages, , , sorts] = meta;
  // Pages without a date (none in dotlog's records) would come after the dated ones.
  const dated = sorts.find(([key]) => key === DATE_SORT)?.[1] ?? [];
  const listed = new Set(dated);
  if (listed.size !== dated.length || dated.some((page) => !(page >= 0 && page < pages.length))) {
    throw new Error(`Pagefind ${version}'s date sort is not a list of its pages`);
  }
  const order = [...dated, ...pages.map((_, page) => page).filter((page) => !listed.has(page))];
  const renames: { from: string; to: string }[] = [];
  order.forEach((page, rank) => {
    const name = `${ids}${rank.toString(16)}`;
    // A new name is never an old one (renames in any order are safe): Pagefind's are shorter.
    if (pages[page]![0].startsWith(ids)) throw new Error(`Pagefind ${version} named a page ${pages[page]![0]}, like the pages dotlog renames`);
    renames.push({ from: pages[page]![0], to: name });
    pages[page]![0] = name;
  });
  meta[4] = [];
  mkdirSync(path.dirname(to), { recursive: true });
  writeFileSync(to, Buffer.concat([SIGNATURE, encode(meta)]));
  rmSync(from);
  return renames;
}

/**
 * Pagefind 1.6's meta: its version, pages (fragment name, word count, and a fragment group that
 * must be empty: a group holds fragments by their names), word chunks, filters, sorts, and more.
 */
function isMeta(value: unknown): value is Meta {
  if (!Array.isArray(value) || value.length < 5 || typeof value[0] !== "string") return false;
  const [, pages, chunks, filters, sorts] = value as unknown[];
  return (
    Array.isArray(pages) &&
    pages.every((page) => Array.isArray(page) && typeof page[0] === "string" && typeof page[1] === "number" && page.slice(2).every((more) => more === "")) &&
    Array.isArray(chunks) &&
    Array.isArray(filters) &&
    Array.isArray(sorts) &&
    sorts.every((sort) => Array.isArray(sort) && typeof sort[0] === "string" && Array.isArray(sort[1]) && sort[1].every((n: unknown) => typeof n === "number"))
  );
}
