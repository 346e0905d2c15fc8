// Merges the entries of every file into one timeline: time order (file order breaks ties),
// ids and URLs, references resolved to entries and items, backlinks, series and tags.

import { entryId, entryUrl, foldKey } from "./ids.ts";
import { parseEntry, type ParseEntryOptions } from "./parse-entry.ts";
import { slugify } from "./slug.ts";
import { isoLocal } from "./stamp.ts";
import type { Backlink, Entry, LogFile, LogWarning, ParsedEntry, RawEntry, SeriesInfo, TagInfo, Timeline } from "./types.ts";

/** One file, decoded and split. */
export interface SplitInput {
  file: LogFile;
  /** Taken once, in file order; an entry's lines are dropped once it is parsed. */
  entries: Iterable<RawEntry>;
  /** Decode and split warnings of the file. */
  warnings: LogWarning[];
}

interface Parsed {
  raw: Omit<RawEntry, "lines">;
  fields: ParsedEntry;
  timestamp: string;
  fileIndex: number;
}

export function buildTimeline(inputs: SplitInput[], options: Pick<ParseEntryOptions, "blogPhrases"> = {}): Timeline {
  const warnings: LogWarning[] = inputs.flatMap((input) => input.warnings);
  const parsed = inputs.flatMap((input, fileIndex) => parseFile(input, fileIndex, options, warnings));
  // Array.prototype.sort is stable: same minute and same file keeps file order.
  parsed.sort((a, b) => compare(a.timestamp, b.timestamp) || a.fileIndex - b.fileIndex);

  const entries = assignIds(parsed, warnings);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const backlinks = resolveReferences(entries, warnings);
  const series = collectSeries(entries);
  const tags = collectTags(entries, warnings);
  const fileOrder = new Map(inputs.map((input, index) => [input.file.file, index]));
  warnings.sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.line - b.line);
  return { files: inputs.map((input) => input.file), entries, byId, backlinks, series, tags, warnings };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function parseFile(input: SplitInput, fileIndex: number, options: ParseEntryOptions, warnings: LogWarning[]): Parsed[] {
  const parsed: Parsed[] = [];
  // Stamps quoted inside the text are read in the file's own date order.
  const entryOptions = { ...options, dateOrder: input.file.dateOrder };
  for (const { lines, ...raw } of input.entries) {
    const { fields, warnings: entryWarnings } = parseEntry({ ...raw, lines }, entryOptions);
    warnings.push(...entryWarnings);
    const current: Parsed = { raw, fields, timestamp: isoLocal(raw.time), fileIndex };
    const previous = parsed.at(-1);
    if (previous !== undefined && current.timestamp < previous.timestamp) {
      warnings.push({
        file: raw.file,
        line: raw.line,
        code: "out-of-order",
        message: `${firstLine(raw.stampText)} is earlier than the entry before it (${firstLine(previous.raw.stampText)}, line ${previous.raw.line})`,
      });
    }
    parsed.push(current);
  }
  return parsed;
}

function firstLine(text: string): string {
  return text.split("\n")[0]!;
}

function assignIds(parsed: Parsed[], warnings: LogWarning[]): Entry[] {
  const seen = new Map<string, Parsed>();
  const ordinals = new Map<string, number>();
  return parsed.map((item) => {
    const { raw, fields, timestamp } = item;
    const ordinal = (ordinals.get(timestamp) ?? 0) + 1;
    ordinals.set(timestamp, ordinal);
    const id = entryId(timestamp, ordinal);
    const first = seen.get(timestamp);
    if (first === undefined) seen.set(timestamp, item);
    else {
      warnings.push({
        file: raw.file,
        line: raw.line,
        code: "duplicate-stamp",
        message: `another entry has the same minute (${first.raw.file}:${first.raw.line}); this one is ${id}`,
      });
    }
    const slug = slugify(fields.title);
    return {
      id,
      timestamp,
      time: raw.time,
      file: raw.file,
      line: raw.line,
      endLine: raw.endLine,
      raw: raw.raw,
      stampText: raw.stampText,
      ...fields,
      slug,
      url: entryUrl(raw.time, ordinal, slug),
    };
  });
}

/** Fills in `resolved` on every reference and returns the backlinks by target id. */
function resolveReferences(entries: Entry[], warnings: LogWarning[]): Map<string, Backlink[]> {
  // The first entry of a minute is the one a quoted stamp names.
  const byMinute = new Map<string, Entry>();
  for (const entry of entries) if (!byMinute.has(entry.timestamp)) byMinute.set(entry.timestamp, entry);

  const backlinks = new Map<string, Backlink[]>();
  for (const entry of entries) {
    entry.references = entry.references.map((reference) => {
      const target = byMinute.get(reference.target);
      if (target === undefined) {
        warnings.push({ file: entry.file, line: reference.line, code: "unresolved-ref", message: `no entry at ${reference.target}` });
        return { ...reference, resolved: null };
      }
      if (reference.item !== null && !target.items.includes(reference.item)) {
        warnings.push({
          file: entry.file,
          line: reference.line,
          code: "unresolved-ref",
          message: `entry ${target.id} has no item ${reference.item}; linking to the entry`,
        });
      }
      const list = backlinks.get(target.id) ?? [];
      list.push({ from: entry.id, fromItem: reference.fromItem, item: reference.item, line: reference.line });
      backlinks.set(target.id, list);
      return { ...reference, resolved: target.id };
    });
  }
  return backlinks;
}

/** Series by folded name; parts by the author's number, unnumbered parts by time. */
function collectSeries(entries: Entry[]): Map<string, SeriesInfo> {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (entry.series === null) continue;
    const key = foldKey(entry.series.name);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [entry]);
    else group.push(entry);
  }
  const series = new Map<string, SeriesInfo>();
  for (const [key, members] of groups) {
    // Entries are in time order and the sort is stable, so equal numbers stay in time order.
    const ordered = [...members].sort((a, b) => (a.series!.part ?? 0) - (b.series!.part ?? 0));
    series.set(key, { name: mostFrequent(members.map((entry) => entry.series!.name)), parts: ordered.map((entry) => entry.id) });
  }
  return series;
}

/** Tags by folded key, shown in their most frequent spelling; slugs made unique. */
function collectTags(entries: Entry[], warnings: LogWarning[]): Map<string, TagInfo> {
  const spellings = new Map<string, string[]>();
  const members = new Map<string, string[]>();
  const firstUse = new Map<string, Entry>();
  for (const entry of entries) {
    for (const tag of entry.tags) {
      const key = foldKey(tag);
      if (key === "") continue;
      const names = spellings.get(key);
      if (names === undefined) {
        spellings.set(key, [tag]);
        members.set(key, [entry.id]);
        firstUse.set(key, entry);
        continue;
      }
      names.push(tag);
      const ids = members.get(key)!;
      if (ids.at(-1) !== entry.id) ids.push(entry.id);
    }
  }

  const tags = new Map<string, TagInfo>();
  const slugOwners = new Map<string, string>();
  for (const [key, names] of spellings) {
    const name = mostFrequent(names);
    const base = slugify(name) || "tag";
    let slug = base;
    for (let n = 2; slugOwners.has(slug); n++) slug = `${base}-${n}`;
    if (slug !== base) {
      const entry = firstUse.get(key)!;
      warnings.push({
        file: entry.file,
        line: entry.header?.line ?? entry.line,
        code: "tag-slug-collision",
        message: `tags "${tags.get(slugOwners.get(base)!)!.name}" and "${name}" both make the URL slug "${base}"; "${name}" gets "${slug}"`,
      });
    }
    slugOwners.set(slug, key);
    tags.set(key, { key, name, slug, entries: members.get(key)! });
  }
  return tags;
}

/** The spelling used most often; the first one seen on a tie. */
function mostFrequent(names: string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  let best = names[0]!;
  for (const [name, count] of counts) if (count > counts.get(best)!) best = name;
  return best;
}
