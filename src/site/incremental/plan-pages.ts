// Which paginated pages a build must write, and which it can take unchanged from the last
// build: a page is kept when the hash of everything its template reads is the one the last
// build recorded for the same file, and the file is still there.

import { createHash } from "node:crypto";
import { outputFile, PAGE_SETS, type PageSelection } from "../pages/page-sets.ts";
import type { SitePages } from "../pages/types.ts";

export interface PagePlan {
  /** The pages to write, by set. */
  write: PageSelection;
  /** Output files to take from the last build. */
  keep: string[];
  /** Output file → hash, for every paginated page of this build. */
  hashes: Record<string, string>;
}

/**
 * `previous`: the last build's hashes, when its site folder is still the one on disk;
 * `onDisk`: whether a page's file is still there (one deleted by hand is written again).
 */
export function planPages(
  pages: SitePages,
  identity: string,
  previous: Record<string, string> | null,
  onDisk: (file: string) => boolean,
): PagePlan {
  const write: Record<string, unknown[]> = Object.fromEntries(PAGE_SETS.map((set) => [set.name, []]));
  const keep: string[] = [];
  const hashes: Record<string, string> = {};
  const series = new SeriesHashes();
  const refs = new WeakMap<object, string>();
  const ref = (model: object): string => {
    let hash = refs.get(model);
    if (hash === undefined) refs.set(model, (hash = modelHash(model, series)));
    return hash;
  };
  for (const set of PAGE_SETS) {
    for (const item of set.items(pages)) {
      const file = outputFile(set.url(item));
      const hash = hashText(JSON.stringify([identity, set.name, set.reads(item, pages, ref)]));
      hashes[file] = hash;
      if (previous?.[file] === hash && onDisk(file)) keep.push(file);
      else write[set.name]!.push(item);
    }
  }
  return { write, keep, hashes };
}

function hashText(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}

/**
 * A model's hash: its JSON, with two parts of an entry page taken out of it. An entry page
 * lists every part of its series with its own part marked `current`: a series of n parts is on
 * n pages, n² parts in all (half the entry pages' text on the 10,000-entry corpus). The parts
 * but for `current` are hashed once a series — each page's parts compared with those of the
 * series' first page part by part, never assumed the same — and each page adds which parts are
 * current. The body's HTML, the other half, is hashed as it is, not escaped into JSON first.
 */
function modelHash(model: object, series: SeriesHashes): string {
  const { html, series: parts } = model as { html?: unknown; series?: unknown };
  const token = series.tokenOf(parts);
  const rawHtml = typeof html === "string";
  if (token === null && !rawHtml) return hashText(JSON.stringify(model));
  const rest = { ...model, ...(token === null ? {} : { series: null }), ...(rawHtml ? { html: null } : {}) };
  // A JSON text ends where its braces close; the token (base64url, digits, commas) holds no
  // NUL: the text, what was taken out, and the HTML (last) read back one way.
  return createHash("sha1")
    .update(`${JSON.stringify(rest)}\0${token ?? "-"}\0${rawHtml ? "h" : "-"}\0`)
    .update(rawHtml ? html : "")
    .digest("base64url");
}

interface SeriesPartLike {
  current?: boolean;
  [field: string]: unknown;
}

class SeriesHashes {
  /** By name and length: the parts seen first (their `current` ignored) and their hash. */
  private readonly seen = new Map<string, { parts: SeriesPartLike[]; hash: string }[]>();

  /** A token for `series` (`{ name, parts }`), or null when it is not one to take apart. */
  tokenOf(series: unknown): string | null {
    if (!isSeries(series)) return null;
    const { name, parts } = series;
    const key = `${parts.length}:${name}`;
    let known = this.seen.get(key);
    if (known === undefined) this.seen.set(key, (known = []));
    let match = known.find((other) => sameParts(other.parts, parts));
    if (match === undefined) {
      match = { parts, hash: hashText(JSON.stringify([name, parts.map(({ current: _, ...part }) => part)])) };
      known.push(match);
    }
    const current: number[] = [];
    parts.forEach((part, index) => {
      if (part.current) current.push(index);
    });
    // The hash covers the name.
    return `${match.hash}#${current.join(",")}`;
  }
}

function isSeries(value: unknown): value is { name: string; parts: SeriesPartLike[] } {
  if (value === null || typeof value !== "object") return false;
  const keys = Object.keys(value);
  if (keys.length !== 2 || !keys.includes("name") || !keys.includes("parts")) return false;
  const { name, parts } = value as { name: unknown; parts: unknown };
  return typeof name === "string" && Array.isArray(parts) && parts.every(isPart);
}

/**
 * A part of plain values (strings, numbers, booleans, null), with a boolean `current` or none
 * (entry pages share one list of parts a series and mark their own by id).
 */
function isPart(value: unknown): value is SeriesPartLike {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const { current } = value as { current?: unknown };
  if (current !== undefined && typeof current !== "boolean") return false;
  return Object.values(value).every((field) => field === null || (typeof field !== "object" && typeof field !== "function"));
}

/** The same fields in the same order with the same values, `current` aside. */
function sameParts(a: readonly SeriesPartLike[], b: readonly SeriesPartLike[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const keys = Object.keys(x);
    const other = Object.keys(y);
    if (keys.length !== other.length) return false;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      if (key !== other[k]) return false;
      if (key !== "current" && !Object.is(x[key], y[key])) return false;
    }
  }
  return true;
}
