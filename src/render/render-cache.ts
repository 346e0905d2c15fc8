// A persistent render cache: an entry whose HTML cannot have changed skips unified and Shiki.
//
// The key of a body is a hash of everything its HTML depends on: the parsed Entry (its digest,
// which covers its text after redaction and its body, then what the merge and privacy add:
// id, url, references and whether privacy hid their targets), the url,
// title and item paths of each entry a reference resolves to (the link and its tooltip), and
// its file's date order (insertion stamps). Every record also carries the renderer's identity —
// a hash of the parser's and renderer's own source, the versions of the libraries that shape
// the HTML, and the themes — so a code change or a theme change re-renders everything.
//
// The cache is one file, `<dir>/bodies.ndjson`: a header line (format and renderer identity),
// then records, one a line, each with a checksum over the identity and its content: token-class
// styles, and bodies. A record that fails its checksum or does not parse is dropped (its entry
// renders again), as is a body whose token classes have no style; a file from another renderer
// identity is ignored whole, and a record another renderer appended fails its checksum.
//
// Saving appends the bodies this build rendered (and the styles they add) to the file as it was
// read; it writes the file anew, with only the bodies this build used, when more than an eighth
// of its bodies went unused (edited or gone entries), when it held a damaged record, or when
// another build changed it since it was read. Writing the whole file (23 MB for 10,000 entries)
// cost an append build ~0.25 s; appending the few new bodies costs nothing to speak of.

import { createHash } from "node:crypto";
import type { Stats } from "node:fs";
import { appendFile, mkdir, open, rename, stat } from "node:fs/promises";
import path from "node:path";
import { codeIdentity } from "../log/code-identity.ts";
import type { Entry, Timeline } from "../log/types.ts";
import type { Renderer } from "./index.ts";

const FORMAT = 2;
const FILE_NAME = "bodies.ndjson";
const TOKEN_CLASS = /\bdl-t-[0-9a-z]+/g;
/** The file is written anew when more than this share of its bodies went unused by a build. */
const UNUSED_SHARE = 1 / 8;
/** Libraries whose version changes the HTML of a body. */
const LIBRARIES = ["shiki", "@shikijs/transformers", "unified", "remark-rehype", "rehype-stringify", "hast-util-to-html", "markdown-it"];

export interface RenderCacheStats {
  hits: number;
  misses: number;
  /** Records found in the file but not used: damaged, or from another renderer identity. */
  dropped: number;
}

export interface RenderCache {
  /** The body HTML of a timeline entry: from the cache when its key matches, else rendered. */
  render(entry: Entry, timeline: Timeline): Promise<string>;
  /** Writes the bodies rendered or reused since the cache was opened; the others are pruned. */
  save(): Promise<void>;
  readonly stats: RenderCacheStats;
}

interface CachedBody {
  html: string;
  classes: string[];
}

/**
 * What a process that builds again and again (the dev server) keeps of the file between its
 * builds: the next build takes the bodies from here rather than reading and checking the file
 * again (23 MB and ~0.25 s at 10,000 entries), while the file is as this process left it.
 */
export interface RenderCacheMemory {
  kept?: { identity: string; file: string; size: number; mtimeMs: number; stored: StoredCache };
}

/** A cache in `dir` (created on save), or, without a folder, one that renders every time. */
export async function openRenderCache(renderer: Renderer, dir: string | null, memory: RenderCacheMemory = {}): Promise<RenderCache> {
  const identity = await rendererIdentity(renderer);
  const stats: RenderCacheStats = { hits: 0, misses: 0, dropped: 0 };
  const file = dir === null ? null : path.join(dir, FILE_NAME);
  const stored = file === null ? emptyCache() : ((await remembered(memory, file, identity)) ?? (await readCache(file, identity, stats, memory)));
  const used = new Map<string, CachedBody>();

  return {
    async render(entry, timeline) {
      const key = entryKey(entry, timeline);
      const hit = used.get(key) ?? stored.bodies.get(key);
      if (hit) {
        stats.hits++;
        renderer.highlight.addClassStyles(hit.classes.flatMap((name) => styleOf(stored.styles, name)));
        used.set(key, hit);
        return hit.html;
      }
      stats.misses++;
      const html = await renderer.renderEntry(entry, timeline);
      // Only names Shiki registered: the author's own text may read like a class name.
      const classes = [...renderer.highlight.classStyles(new Set(html.match(TOKEN_CLASS) ?? [])).keys()];
      used.set(key, { html, classes });
      return html;
    },
    async save() {
      if (file === null) return;
      const fresh = [...used].filter(([key]) => !stored.bodies.has(key));
      const unused = stored.records - (used.size - fresh.length);
      const appendable = stored.valid && stats.dropped === 0 && unused <= used.size * UNUSED_SHARE;
      // Nothing new and nothing to clear: the file serves the next build as it is.
      if (appendable && fresh.length === 0) return;
      if (appendable && (await stat(file).then((info) => info.size, () => -1)) === stored.bytes) {
        const names = new Set(fresh.flatMap(([, body]) => body.classes).filter((name) => !stored.styles.has(name)));
        const added = renderer.highlight.classStyles(names);
        const lines = names.size > 0 ? [styleRecord(identity, added)] : [];
        for (const [key, body] of fresh) lines.push(bodyRecord(identity, key, body));
        await appendFile(file, lines.join("\n") + "\n");
        await remember(memory, file, identity, {
          bodies: new Map([...stored.bodies, ...fresh]),
          styles: new Map([...stored.styles, ...added]),
          records: stored.records + fresh.length,
          valid: true,
        });
        return;
      }
      const names = new Set([...used.values()].flatMap((body) => body.classes));
      const styles = renderer.highlight.classStyles(names);
      const lines = (function* () {
        yield JSON.stringify({ format: FORMAT, identity });
        yield styleRecord(identity, styles);
        for (const [key, body] of used) yield bodyRecord(identity, key, body);
      })();
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeLines(temporary, lines);
      await rename(temporary, file);
      await remember(memory, file, identity, { bodies: new Map(used), styles, records: used.size, valid: true });
    },
    stats,
  };
}

/**
 * Lines written a megabyte at a time: the file of a cold 10,000-entry build is ~45 MB, and
 * joined into one string (then one buffer) it grew the build's heap by ~130 MB at its peak.
 */
async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const handle = await open(file, "w");
  try {
    let chunk: string[] = [];
    let size = 0;
    const flush = async (): Promise<void> => {
      await handle.write(`${chunk.join("\n")}\n`);
      chunk = [];
      size = 0;
    };
    for (const line of lines) {
      chunk.push(line);
      size += line.length;
      if (size >= WRITE_CHUNK) await flush();
    }
    if (chunk.length > 0) await flush();
  } finally {
    await handle.close();
  }
}

const WRITE_CHUNK = 1 << 20;

interface StoredCache {
  bodies: Map<string, CachedBody>;
  styles: Map<string, string>;
  /** Body records in the file, served or not. */
  records: number;
  /** The file's size when read, and whether it was this renderer's, whole and ending in a newline. */
  bytes: number;
  valid: boolean;
}

function emptyCache(): StoredCache {
  return { bodies: new Map(), styles: new Map(), records: 0, bytes: -1, valid: false };
}

function styleRecord(identity: string, styles: Map<string, string>): string {
  const table = Object.fromEntries(styles);
  return JSON.stringify(["s", hash(`${identity}\u0000${JSON.stringify(table)}`), table]);
}

function bodyRecord(identity: string, key: string, body: CachedBody): string {
  return JSON.stringify(["b", key, checksum(identity, key, body), body.html, body.classes]);
}

/** The bodies as this process last read or wrote the file, when the file is still as it left it. */
async function remembered(memory: RenderCacheMemory, file: string, identity: string): Promise<StoredCache | null> {
  const { kept } = memory;
  if (kept === undefined || kept.file !== file || kept.identity !== identity) return null;
  const info = await stat(file).catch(() => null);
  return info !== null && info.size === kept.size && info.mtimeMs === kept.mtimeMs ? kept.stored : null;
}

/** Keeps what the file now holds; `bytes` is its size, taken with its modification time. */
async function remember(memory: RenderCacheMemory, file: string, identity: string, stored: Omit<StoredCache, "bytes">): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (info === null) delete memory.kept;
  else keep(memory, file, identity, info, { ...stored, bytes: info.size });
}

function keep(memory: RenderCacheMemory, file: string, identity: string, { size, mtimeMs }: Stats, stored: StoredCache): void {
  memory.kept = { identity, file, size, mtimeMs, stored };
}

async function readCache(file: string, identity: string, stats: RenderCacheStats, memory: RenderCacheMemory): Promise<StoredCache> {
  const cache = emptyCache();
  // Its size and time are taken with the bytes read (one handle), for `remembered` to compare.
  const read = await open(file)
    .then((handle) => Promise.all([handle.readFile(), handle.stat()]).finally(() => handle.close()))
    .catch(() => null);
  if (read === null) return cache;
  const [bytes, info] = read;
  const lines = bytes.toString("utf8").split("\n");
  const complete = lines.at(-1) === "";
  if (complete) lines.pop();
  const header = parseLine(lines[0]) as { format?: unknown; identity?: unknown } | null;
  if (header?.format !== FORMAT || header.identity !== identity) {
    stats.dropped += Math.max(0, lines.length - 1);
    return cache;
  }
  const bodies: [string, CachedBody][] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === "") continue;
    const record = parseLine(lines[i]);
    const style = toStyleRecord(record);
    if (style !== null && style.sum === hash(`${identity}\u0000${JSON.stringify(style.table)}`)) {
      for (const [name, value] of Object.entries(style.table)) cache.styles.set(name, value);
      continue;
    }
    const body = toBodyRecord(record);
    if (body !== null) cache.records++;
    if (body === null || checksum(identity, body.key, body.body) !== body.sum) {
      stats.dropped++;
      continue;
    }
    bodies.push([body.key, body.body]);
  }
  // A body is served only when every token class it uses has a style (from any record of the file).
  for (const [key, body] of bodies) {
    if (body.classes.every((name) => cache.styles.has(name))) cache.bodies.set(key, body);
    else stats.dropped++;
  }
  cache.bytes = bytes.length;
  cache.valid = complete;
  if (info.size === bytes.length) keep(memory, file, identity, info, cache);
  return cache;
}

function styleOf(styles: Map<string, string>, name: string): [string, string][] {
  const style = styles.get(name);
  return style === undefined ? [] : [[name, style]];
}

function parseLine(line: string | undefined): unknown {
  if (line === undefined) return null;
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

function toBodyRecord(value: unknown): { key: string; sum: string; body: CachedBody } | null {
  if (!Array.isArray(value) || value[0] !== "b") return null;
  const [, key, sum, html, classes] = value as unknown[];
  if (typeof key !== "string" || typeof sum !== "string" || typeof html !== "string") return null;
  if (!Array.isArray(classes) || !classes.every((name) => typeof name === "string")) return null;
  return { key, sum, body: { html, classes } };
}

function toStyleRecord(value: unknown): { sum: string; table: Record<string, string> } | null {
  if (!Array.isArray(value) || value[0] !== "s" || value.length !== 3) return null;
  const [, sum, table] = value as unknown[];
  return typeof sum === "string" && isStringRecord(table) ? { sum, table } : null;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");
}

/** Over the renderer's identity too: a body another renderer appended to this file fails it. */
function checksum(identity: string, key: string, body: CachedBody): string {
  return hash([identity, key, body.html, body.classes.join(" ")].join("\u0000"));
}

/** Everything an entry's HTML depends on, hashed. */
export function entryKey(entry: Entry, timeline: Timeline): string {
  const targets = entry.references.map((reference) => {
    const target = reference.resolved === null ? undefined : timeline.byId.get(reference.resolved);
    return target ? [target.url, target.title, target.items] : null;
  });
  const dateOrder = timeline.files.find((file) => file.file === entry.file)?.dateOrder ?? null;
  // The digest stands for the parse (hashing each whole entry again cost an append build ~0.5 s
  // at 10,000 entries); the merge and the privacy step write id, slug, url and references after it.
  return hash(JSON.stringify([entry.digest, entry.id, entry.slug, entry.url, entry.references, targets, dateOrder]));
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}

let codeVersion: Promise<string> | undefined;

/** The renderer's themes and a hash of the code and libraries that turn an Entry into HTML. */
async function rendererIdentity(renderer: Renderer): Promise<string> {
  codeVersion ??= codeIdentity([new URL("../log/", import.meta.url), new URL("./", import.meta.url)], LIBRARIES);
  const { light, dark } = renderer.highlight.themes;
  return hash(JSON.stringify([await codeVersion, light, dark]));
}


