// Parsed log files kept between builds (`<cache>/parse/`), so a build decodes, splits and
// parses again only the files whose bytes changed (an append touches one file of hundreds).
//
// One record a log file, named by a hash of its path: a header line (format, the key, the
// payload's length and checksum), then the file's ParsedFile in V8's serialization — read back
// ~4× faster than parsing. The key hashes the parser's identity (its own source, the decoding
// libraries' versions, V8's), the parse options, the path and the file's bytes: any of them
// changed, the record is not used. A record whose checksum fails or that does not read back is
// ignored and the file parsed again; nothing is ever served that a fresh parse would not give.

import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import { codeIdentity } from "./code-identity.ts";
import type { ParsedFile } from "./timeline.ts";
import type { ParseOptions } from "./types.ts";

const FORMAT = "dotlog-parse-2";
/** Libraries whose version changes what a file decodes to. */
const LIBRARIES = ["iconv-lite", "chardet", "markdown-it"];

export interface ParseCacheStats {
  /** Files taken from the cache. */
  hits: number;
  /** Files parsed (no record, or one of other bytes, options or parser). */
  misses: number;
  /** Records found but not used because they were damaged. */
  damaged: number;
}

export interface ParseCache {
  /** The file's parse as a fresh parse of `bytes` gives it, or null. */
  get(file: string, bytes: Uint8Array): Promise<ParsedFile | null>;
  /** Keeps a fresh parse (call before the timeline's merge fills in ids and references). */
  put(file: string, bytes: Uint8Array, parsed: ParsedFile): void;
  /** Writes the new records and removes those of files this build did not read. */
  save(): Promise<void>;
  readonly stats: ParseCacheStats;
}

/**
 * The parses a process that builds again and again (the dev server) keeps between its builds,
 * by path: a file whose key is unchanged is taken from here, not read back from its record
 * (~0.3 s at 10,000 entries). They are shared, never changed: the merge fills in copies.
 */
export type ParseCacheMemory = Map<string, { key: string; parsed: ParsedFile }>;

export async function openParseCache(dir: string, options: ParseOptions, memory: ParseCacheMemory = new Map()): Promise<ParseCache> {
  const identity = hash(JSON.stringify([FORMAT, await parserIdentity(), options]));
  const stats: ParseCacheStats = { hits: 0, misses: 0, damaged: 0 };
  const used = new Set<string>();
  const pending = new Map<string, Buffer>();
  const keyOf = (file: string, bytes: Uint8Array) => hash(`${identity}\0${file}\0${hash(bytes)}`);

  return {
    stats,
    async get(file, bytes) {
      const name = recordName(file);
      used.add(name);
      const key = keyOf(file, bytes);
      const kept = memory.get(file);
      if (kept?.key === key) {
        stats.hits++;
        return kept.parsed;
      }
      const record = await readFile(path.join(dir, name)).catch(() => null);
      const parsed = record === null ? null : readRecord(record, key);
      if (parsed === "damaged") stats.damaged++;
      if (parsed === null || parsed === "damaged") {
        stats.misses++;
        return null;
      }
      stats.hits++;
      memory.set(file, { key, parsed });
      return parsed;
    },
    put(file, bytes, parsed) {
      const key = keyOf(file, bytes);
      pending.set(recordName(file), writeRecord(key, parsed));
      memory.set(file, { key, parsed });
    },
    async save() {
      for (const file of memory.keys()) if (!used.has(recordName(file))) memory.delete(file);
      // The cache only saves time: a folder that cannot be written leaves the next build to parse.
      await writeRecords(dir, pending, used).catch(() => {});
      pending.clear();
    },
  };
}

async function writeRecords(dir: string, pending: ReadonlyMap<string, Buffer>, used: ReadonlySet<string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, record] of pending) {
    // Written beside and renamed: a build killed mid-write leaves no half record under the name.
    const temporary = path.join(dir, `${name}.${process.pid}.tmp`);
    await writeFile(temporary, record);
    await rename(temporary, path.join(dir, name));
  }
  const stale = (await readdir(dir)).filter((name) => !used.has(name));
  await Promise.all(stale.map((name) => rm(path.join(dir, name), { force: true })));
}

function recordName(file: string): string {
  return `${hash(file)}.v8`;
}

interface Header {
  format: string;
  key: string;
  length: number;
  checksum: string;
}

function writeRecord(key: string, parsed: ParsedFile): Buffer {
  const cut = cutFromText(parsed);
  let payload: Buffer;
  try {
    payload = v8.serialize({ parsed, parts: cut.parts } satisfies Stored);
  } finally {
    cut.restore();
  }
  const header: Header = { format: FORMAT, key, length: payload.length, checksum: hash(payload) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]);
}

/** The parse, null when the record is another file's or parser's, "damaged" when it is broken. */
function readRecord(record: Buffer, key: string): ParsedFile | null | "damaged" {
  const end = record.indexOf(10);
  if (end === -1) return "damaged";
  let header: Partial<Header>;
  try {
    header = JSON.parse(record.subarray(0, end).toString("utf8")) as Partial<Header>;
  } catch {
    return "damaged";
  }
  if (header.format !== FORMAT || header.key !== key) return null;
  const payload = record.subarray(end + 1);
  if (payload.length !== header.length || hash(payload) !== header.checksum) return "damaged";
  try {
    return pasteFromText(v8.deserialize(payload) as Stored);
  } catch {
    return "damaged";
  }
}

/**
 * A file's text is its preamble followed by every entry's raw text, in order, and most longer
 * strings of an entry (lines, items, headers) are parts of its raw text. A fresh parse's are
 * slices sharing the text's memory; read back from V8's serialization each would be a copy
 * (~20 MB more heap for 10,000 entries). So the record keeps the text once and where each part
 * is in it, and the parts are cut from the text again when it is read.
 */
interface Stored {
  parsed: ParsedFile;
  parts: Parts | null;
}

interface Parts {
  /** The preamble's length, then each entry's raw length. */
  lengths: number[];
  /** Other strings of the entries: [ordinal in the walk of every string, start in the text, length], … */
  strings: number[];
}

// V8 shares the text's memory for a slice of 13 characters or more; a shorter one is a copy anyway.
export const MIN_SLICE = 13;

/** Blanks the parts of the text in `parsed` (in place, for serializing) and says where they are. */
function cutFromText(parsed: ParsedFile): { parts: Parts | null; restore: () => void } {
  const { file, entries } = parsed;
  const { text, preamble } = file;
  let at = preamble.length;
  const lengths = [at];
  for (const entry of entries) {
    if (!text.startsWith(entry.raw, at)) return { parts: null, restore: () => {} };
    lengths.push(entry.raw.length);
    at += entry.raw.length;
  }
  if (at !== text.length || !text.startsWith(preamble)) return { parts: null, restore: () => {} };

  const blanked: { holder: Record<string | number, unknown>; key: string | number; value: string }[] = [];
  const blank = (holder: Record<string | number, unknown>, key: string | number, value: string) => {
    blanked.push({ holder, key, value });
    holder[key] = "";
  };
  const raws = entries.map((entry) => entry.raw);
  blank(file as unknown as Record<string, unknown>, "preamble", preamble);
  for (const entry of entries) blank(entry as unknown as Record<string, unknown>, "raw", entry.raw);

  const strings: number[] = [];
  let ordinal = 0;
  let start = preamble.length;
  const restore = () => {
    for (const { holder, key, value } of blanked) holder[key] = value;
  };
  try {
    entries.forEach((entry, index) => {
      const raw = raws[index]!;
      let hint = 0;
      walkStrings(entry, (holder, key, value) => {
        if (value.length >= MIN_SLICE) {
          // Parts come mostly in the text's order: look from the last one found first.
          let found = raw.indexOf(value, hint);
          if (found === -1) found = raw.indexOf(value);
          if (found !== -1) {
            strings.push(ordinal, start + found, value.length);
            blank(holder, key, value);
            hint = found;
          }
        }
        ordinal++;
      });
      start += raw.length;
    });
  } catch (error) {
    // The parse is the build's: never left blanked.
    restore();
    throw error;
  }
  return { parts: { lengths, strings }, restore };
}

function pasteFromText({ parsed, parts }: Stored): ParsedFile {
  if (parts === null) return parsed;
  const { file, entries } = parsed;
  const { text } = file;
  const { lengths, strings } = parts;
  if (lengths.length !== entries.length + 1) throw new Error("the record's parts do not match its entries");
  const slice = (start: number, length: number) => {
    if (!(start >= 0 && length >= 0 && start + length <= text.length)) throw new Error("a part outside the text");
    return text.slice(start, start + length);
  };
  file.preamble = slice(0, lengths[0]!);
  let at = lengths[0]!;
  entries.forEach((entry, index) => {
    entry.raw = slice(at, lengths[index + 1]!);
    at += lengths[index + 1]!;
  });
  if (at !== text.length) throw new Error("the record's parts do not cover its text");
  let next = 0;
  let ordinal = 0;
  for (const entry of entries) {
    walkStrings(entry, (holder, key, value) => {
      if (strings[next] === ordinal) {
        if (value !== "") throw new Error("a part where the record has a string");
        holder[key] = slice(strings[next + 1]!, strings[next + 2]!);
        next += 3;
      }
      ordinal++;
    });
  }
  if (next !== strings.length) throw new Error("parts left over");
  return parsed;
}

/** Every string in `value`'s objects and arrays, depth first, in key order (which V8 keeps). */
function walkStrings(value: object, visit: (holder: Record<string | number, unknown>, key: string | number, value: string) => void): void {
  const holder = value as Record<string | number, unknown>;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === "string") visit(holder, i, item);
      else if (item !== null && typeof item === "object") walkStrings(item, visit);
    }
    return;
  }
  for (const key of Object.keys(value)) {
    const item = holder[key];
    if (typeof item === "string") visit(holder, key, item);
    else if (item !== null && typeof item === "object") walkStrings(item, visit);
  }
}

let identity: Promise<string> | undefined;

/** The parser's own source (this folder), the decoding libraries' versions and V8's. */
function parserIdentity(): Promise<string> {
  identity ??= codeIdentity([new URL("./", import.meta.url)], LIBRARIES, [`v8@${process.versions.v8}`]);
  return identity;
}

function hash(data: string | Uint8Array): string {
  return createHash("sha1").update(data).digest("base64url");
}
