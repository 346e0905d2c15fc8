// A persistent render cache: an entry whose HTML cannot have changed skips unified and Shiki.
//
// The key of a body is a hash of everything its HTML depends on: the whole parsed Entry (its
// text after redaction, body, references and whether privacy hid their targets), the url,
// title and item paths of each entry a reference resolves to (the link and its tooltip), and
// its file's date order (insertion stamps). Every record also carries the renderer's identity —
// a hash of the parser's and renderer's own source, the versions of the libraries that shape
// the HTML, and the themes — so a code change or a theme change re-renders everything.
//
// The cache is one file, `<dir>/bodies.ndjson`: a header line (with the checksum of the next),
// a line of token-class styles, then one line a body with a checksum. A record that fails its checksum or does not parse is
// dropped (its entry renders again); a file from another renderer identity is ignored whole.
// Saving writes only the bodies this build used, beside the old file, and renames it in — or
// nothing, when that would be the file as it is.

import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Entry, Timeline } from "../log/types.ts";
import type { Renderer } from "./index.ts";

const FORMAT = 1;
const FILE_NAME = "bodies.ndjson";
const TOKEN_CLASS = /\bdl-t-[0-9a-z]+/g;
/** Libraries whose version changes the HTML of a body. */
const LIBRARIES = ["shiki", "@shikijs/transformers", "unified", "remark-rehype", "rehype-stringify", "hast-util-to-html"];

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

/** A cache in `dir` (created on save), or, without a folder, one that renders every time. */
export async function openRenderCache(renderer: Renderer, dir: string | null): Promise<RenderCache> {
  const identity = await rendererIdentity(renderer);
  const stats: RenderCacheStats = { hits: 0, misses: 0, dropped: 0 };
  const file = dir === null ? null : path.join(dir, FILE_NAME);
  const stored = file === null ? { bodies: new Map<string, CachedBody>(), styles: new Map<string, string>() } : await readCache(file, identity, stats);
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
      // Nothing rendered or dropped, and the file's bodies used in its order: it would be written
      // again byte for byte (~0.3 s for 10,000 entries).
      if (stats.misses === 0 && stats.dropped === 0 && sameKeys(used, stored.bodies)) return;
      const names = new Set([...used.values()].flatMap((body) => body.classes));
      const styles = renderer.highlight.classStyles(names);
      const styleLine = JSON.stringify(Object.fromEntries(styles));
      const lines = [JSON.stringify({ format: FORMAT, identity, styles: hash(styleLine) }), styleLine];
      for (const [key, body] of used) lines.push(JSON.stringify([key, checksum(key, body), body.html, body.classes]));
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, lines.join("\n") + "\n");
      await rename(temporary, file);
    },
    stats,
  };
}

async function readCache(file: string, identity: string, stats: RenderCacheStats) {
  const bodies = new Map<string, CachedBody>();
  const styles = new Map<string, string>();
  const text = await readFile(file, "utf8").catch(() => "");
  const lines = text.split("\n").filter((line) => line !== "");
  const header = parseLine(lines[0]) as { format?: unknown; identity?: unknown; styles?: unknown } | null;
  const styleTable = parseLine(lines[1]);
  const stylesIntact = lines[1] !== undefined && header?.styles === hash(lines[1]);
  if (header?.format !== FORMAT || header.identity !== identity || !stylesIntact || !isStringRecord(styleTable)) {
    stats.dropped += Math.max(0, lines.length - 2);
    return { bodies, styles };
  }
  for (const [name, style] of Object.entries(styleTable)) styles.set(name, style);
  for (const line of lines.slice(2)) {
    const record = toRecord(parseLine(line));
    // A body is served only when its checksum holds and every token class it uses has a style.
    if (record === null || checksum(record.key, record.body) !== record.sum || !record.body.classes.every((name) => styles.has(name))) {
      stats.dropped++;
      continue;
    }
    bodies.set(record.key, record.body);
  }
  return { bodies, styles };
}

function sameKeys(a: Map<string, unknown>, b: Map<string, unknown>): boolean {
  if (a.size !== b.size) return false;
  const others = b.keys();
  for (const key of a.keys()) if (others.next().value !== key) return false;
  return true;
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

function toRecord(value: unknown): { key: string; sum: string; body: CachedBody } | null {
  if (!Array.isArray(value)) return null;
  const [key, sum, html, classes] = value as unknown[];
  if (typeof key !== "string" || typeof sum !== "string" || typeof html !== "string") return null;
  if (!Array.isArray(classes) || !classes.every((name) => typeof name === "string")) return null;
  return { key, sum, body: { html, classes } };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");
}

function checksum(key: string, body: CachedBody): string {
  return hash([key, body.html, body.classes.join(" ")].join("\u0000"));
}

/** Everything an entry's HTML depends on, hashed. */
export function entryKey(entry: Entry, timeline: Timeline): string {
  const targets = entry.references.map((reference) => {
    const target = reference.resolved === null ? undefined : timeline.byId.get(reference.resolved);
    return target ? [target.url, target.title, target.items] : null;
  });
  const dateOrder = timeline.files.find((file) => file.file === entry.file)?.dateOrder ?? null;
  return hash(JSON.stringify([entry, targets, dateOrder]));
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}

let codeVersion: Promise<string> | undefined;

/** The renderer's themes and a hash of the code and libraries that turn an Entry into HTML. */
async function rendererIdentity(renderer: Renderer): Promise<string> {
  codeVersion ??= sourceHash();
  const { light, dark } = renderer.highlight.themes;
  return hash(JSON.stringify([await codeVersion, light, dark]));
}

async function sourceHash(): Promise<string> {
  const digest = createHash("sha256");
  for (const folder of ["../log/", "./"]) {
    const dir = fileURLToPath(new URL(folder, import.meta.url));
    const names = (await readdir(dir)).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts")).sort();
    for (const name of names) digest.update(name).update(await readFile(path.join(dir, name)));
  }
  for (const library of LIBRARIES) digest.update(`${library}@${await libraryVersion(library)}`);
  return digest.digest("base64url");
}

/** A library's version, read from the package.json above its entry point (exports may hide it). */
async function libraryVersion(name: string): Promise<string> {
  let dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
  while (dir !== path.dirname(dir)) {
    const found = await readFile(path.join(dir, "package.json"), "utf8").then((text) => JSON.parse(text) as { name?: string; version?: string }, () => null);
    if (found?.name === name) return found.version ?? "?";
    dir = path.dirname(dir);
  }
  return "?";
}
