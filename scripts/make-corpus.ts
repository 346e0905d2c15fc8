// Writes a large, realistic log set deterministically: the seed and the real corpus logs,
// repeated with shifted years, cut at N entries and written one file a month, as a
// long-time author's content folder looks. `--format markdown` writes the same entries in the
// Markdown-era shape (`.markdown` files, underlined stamps and headers, `1.` lists, fences,
// `<url>` links), as the author kept the journal from 2015.
//
//   node --import tsx scripts/make-corpus.ts --entries 10000 --out /tmp/corpus-10k [--format markdown]
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseTimeline } from "../src/log/index.ts";
import type { BodyNode, LogFormat } from "../src/log/types.ts";
import { findUrls } from "../src/log/urls.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const sourceLogs = [
  "content/000_76b23a5250f26162.txt",
  "test/fixtures/corpus/log201204novell.txt",
  "test/fixtures/corpus/log2013.txt",
  "test/fixtures/corpus/log200708.txt",
  "test/fixtures/corpus/log20100215.txt",
].map((file) => path.join(root, file));

// The corpus stamps are all year-first (`14:32 2012-11-01`, `23:43 2010/2/15`).
const STAMP_LINE = /^(\d{1,2}):(\d{2}) (\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$/;
const ANY_STAMP = /(\d{1,2}:\d{2} )(\d{4})([-/]\d{1,2}[-/]\d{1,2})/g;

interface SourceEntry {
  year: number;
  month: number;
  sortKey: number;
  text: string; // from the stamp line to the next stamp line, with `\n` line ends
}

export async function readSourceEntries(files: string[] = sourceLogs): Promise<SourceEntry[]> {
  const entries: SourceEntry[] = [];
  for (const file of files) {
    const text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
    let current: SourceEntry | null = null;
    for (const line of text.split("\n")) {
      const stamp = STAMP_LINE.exec(line);
      if (stamp) {
        const [, hour, minute, year, month, day] = stamp.map(Number) as number[];
        current = {
          year: year!,
          month: month!,
          sortKey: (((year! * 12 + month!) * 31 + day!) * 24 + hour!) * 60 + minute!,
          text: "",
        };
        entries.push(current);
      }
      if (current) current.text += `${line}\n`;
    }
  }
  return entries;
}

/** Every stamp in the text, the stamp line and the references alike, moves by `years`. */
function shiftYears(text: string, years: number): string {
  if (years === 0) return text;
  return text.replace(ANY_STAMP, (_, time: string, year: string, rest: string) => `${time}${Number(year) + years}${rest}`);
}

/** Copy k of the sources moves by `k * span` years so that copies never overlap. */
export function makeEntries(sources: SourceEntry[], count: number): { key: string; sortKey: number; text: string }[] {
  const years = sources.map((entry) => entry.year);
  const span = Math.max(...years) - Math.min(...years) + 1;
  const out: { key: string; sortKey: number; text: string }[] = [];
  for (let copy = 0; out.length < count; copy++) {
    for (const entry of sources) {
      if (out.length >= count) break;
      const shift = copy * span;
      const key = `${entry.year + shift}-${String(entry.month).padStart(2, "0")}`;
      out.push({ key, sortKey: entry.sortKey + shift * 12 * 31 * 24 * 60, text: shiftYears(entry.text, shift) });
    }
  }
  return out;
}

/**
 * One entry (its text from the stamp line) in the Markdown-era shape: the stamp and the header
 * underlined, items as `1.` lists nested four spaces a level, literal blocks fenced, URLs as
 * `<url>`. Read through the parser, so the outline and blocks are the ones a build sees.
 */
export function markdownShape(text: string): string {
  const entry = parseTimeline([{ file: "entry.log", bytes: new TextEncoder().encode(text) }]).entries[0];
  if (entry === undefined) return text;
  const stamp = entry.stampText.split("\n")[0]!;
  const out = [stamp, "-".repeat(stamp.length)];
  if (entry.header) out.push(entry.header.text, "-".repeat(Math.max(3, entry.header.text.length)));
  writeMarkdown(entry.body, "", out);
  return `${out.join("\n")}\n`;
}

function writeMarkdown(nodes: BodyNode[], indent: string, out: string[]): void {
  for (const node of nodes) {
    if (node.type === "blank") out.push("");
    else if (node.type === "text") out.push(indent + linked(node.text));
    else if (node.type === "block") {
      out.push(`${indent}\`\`\``, ...node.block.text.split("\n").map((line) => (line === "" ? "" : indent + line)), `${indent}\`\`\``);
    } else {
      out.push(`${indent}${`${node.number}.`.padEnd(4)}${linked(node.text)}`);
      writeMarkdown(node.children, `${indent}    `, out);
    }
  }
}

function linked(text: string): string {
  let out = "";
  let at = 0;
  for (const url of findUrls(text)) {
    out += `${text.slice(at, url.column)}<${url.url}>`;
    at = url.column + url.url.length;
  }
  return out + text.slice(at);
}

/** Writes `<out>/<YYYY-MM>.log` files (`.markdown` in the Markdown-era shape) and returns their paths. */
export async function makeCorpus(count: number, outDir: string, format: LogFormat = "log"): Promise<string[]> {
  const sources = await readSourceEntries();
  const shaped = format === "markdown" ? sources.map((entry) => ({ ...entry, text: markdownShape(entry.text) })) : sources;
  const entries = makeEntries(shaped, count);
  const months = new Map<string, typeof entries>();
  for (const entry of entries) {
    const month = months.get(entry.key) ?? [];
    month.push(entry);
    months.set(entry.key, month);
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [key, monthEntries] of [...months].sort(([a], [b]) => a.localeCompare(b))) {
    monthEntries.sort((a, b) => a.sortKey - b.sortKey);
    const file = path.join(outDir, `${key}.${format === "markdown" ? "markdown" : "log"}`);
    const text = monthEntries.map((entry) => entry.text).join(format === "markdown" ? "\n" : "");
    await writeFile(file, format === "markdown" ? text : `.LOG\n${text}`);
    written.push(file);
  }
  return written;
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const count = Number(argValue("--entries") ?? "10000");
  const out = argValue("--out") ?? path.join(root, ".cache", `corpus-${count}`);
  const format = argValue("--format") === "markdown" ? "markdown" : "log";
  const files = await makeCorpus(count, out, format);
  console.log(`wrote ${count} entries in ${files.length} files to ${out} (${format})`);
}

/**
 * The author's daily note, appended after the newest entry of a corpus: under the log's two
 * most used tags, as his notes mostly are, so the pages an append touches include long tag
 * listings (an append under tags of its own touches only its day and neighbours).
 */
export function dailyEntry(n: number): string {
  return `23:${String(n).padStart(2, "0")} 2999-12-31\nvirtualization, libvirt\n1, a new note number ${n}\n`;
}
