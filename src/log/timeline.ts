// Merges the entries of every file into one timeline: time order (file order breaks ties),
// ids and URLs, references resolved to entries and items, backlinks, series and tags.

import { entryDigest } from "./entry-digest.ts";
import { entryId, entryUrl, foldKey } from "./ids.ts";
import { parseEntry, type ParseEntryOptions } from "./parse-entry.ts";
import { freeSlug, slugify } from "./slug.ts";
import { isoLocal } from "./stamp.ts";
import type { Backlink, Entry, LogFile, LogWarning, RawEntry, SeriesInfo, TagInfo, Timeline } from "./types.ts";

/** One file, decoded and split. */
export interface SplitInput {
  file: LogFile;
  /** Taken once, in file order; an entry's lines are dropped once it is parsed. */
  entries: Iterable<RawEntry>;
  /** Decode and split warnings of the file. */
  warnings: LogWarning[];
}

/** One file, parsed: what a timeline is merged from (and what the parse cache keeps of a file). */
export interface ParsedFile {
  file: LogFile;
  /** In file order; ids, slugs, URLs and resolved references are left for the merge to fill in. */
  entries: Entry[];
  /** Decode and split warnings of the file. */
  splitWarnings: LogWarning[];
  /** Its entries' warnings, and entries earlier than the one before them. */
  parseWarnings: LogWarning[];
}

export function buildTimeline(inputs: SplitInput[], options: Pick<ParseEntryOptions, "blogPhrases"> = {}): Timeline {
  return mergeTimeline(inputs.map((input) => parseSplitFile(input, options)));
}

/** The entries of one split file, parsed; warnings in the order a whole-timeline parse gives them. */
export function parseSplitFile(input: SplitInput, options: Pick<ParseEntryOptions, "blogPhrases"> = {}): ParsedFile {
  const parseWarnings: LogWarning[] = [];
  const entries = parseFile(input, options, parseWarnings);
  return { file: input.file, entries, splitWarnings: input.warnings, parseWarnings };
}

/** Files parsed one by one → one timeline. Fills in the entries' ids, URLs and references. */
export function mergeTimeline(files: ParsedFile[]): Timeline {
  const warnings: LogWarning[] = [...files.flatMap((file) => file.splitWarnings), ...files.flatMap((file) => file.parseWarnings)];
  // The parsed files stay as parsed (the parse cache may hand the same ones to the next build):
  // what the merge fills in goes into copies of the entries and their references.
  const entries = files.flatMap((file) => file.entries.map(mergeable));
  const fileOrder = new Map(files.map((parsed, index) => [parsed.file.file, index]));
  // Array.prototype.sort is stable: same minute and same file keeps file order.
  entries.sort((a, b) => compare(a.timestamp, b.timestamp) || fileOrder.get(a.file)! - fileOrder.get(b.file)!);

  assignIds(entries, warnings);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const backlinks = resolveReferences(entries, byId, warnings);
  const series = collectSeries(entries);
  const tags = collectTags(entries, warnings);
  warnings.sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.line - b.line);
  return { files: files.map((parsed) => parsed.file), entries, byId, backlinks, series, tags, warnings };
}

function mergeable(entry: Entry): Entry {
  return { ...entry, references: entry.references.map((reference) => ({ ...reference })) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The file's entries, parsed, in file order; ids, slugs and URLs come once all are merged. */
function parseFile(input: SplitInput, options: ParseEntryOptions, warnings: LogWarning[]): Entry[] {
  const entries: Entry[] = [];
  // Stamps quoted inside the text are read in the file's own date order.
  const entryOptions = { ...options, dateOrder: input.file.dateOrder };
  for (const raw of input.entries) {
    const { fields, warnings: entryWarnings } = parseEntry(raw, entryOptions);
    warnings.push(...entryWarnings);
    const entry: Entry = {
      id: "",
      timestamp: isoLocal(raw.time),
      time: raw.time,
      file: raw.file,
      format: raw.format,
      line: raw.line,
      endLine: raw.endLine,
      raw: raw.raw,
      stampText: raw.stampText,
      ...fields,
      slug: "",
      url: "",
      digest: "",
    };
    entry.digest = entryDigest(entry);
    const previous = entries.at(-1);
    if (previous !== undefined && entry.timestamp < previous.timestamp) {
      warnings.push({
        file: raw.file,
        line: raw.line,
        code: "out-of-order",
        message: `${firstLine(raw.stampText)} is earlier than the entry before it (${firstLine(previous.stampText)}, line ${previous.line})`,
      });
    }
    entries.push(entry);
  }
  return entries;
}

function firstLine(text: string): string {
  return text.split("\n")[0]!;
}

function assignIds(entries: Entry[], warnings: LogWarning[]): void {
  let ordinal = 1;
  entries.forEach((entry, index) => {
    // Entries are sorted: the same minute means the entry before has it too.
    ordinal = index > 0 && entries[index - 1]!.timestamp === entry.timestamp ? ordinal + 1 : 1;
    entry.id = entryId(entry.timestamp, ordinal);
    // An entry titled by its stamp (no words to title it) has the slug-less URL: the stamp is in it already.
    entry.slug = entry.title === firstLine(entry.stampText).trim() ? "" : slugify(entry.title);
    entry.url = entryUrl(entry.time, ordinal, entry.slug);
    if (ordinal > 1) {
      const first = entries[index - ordinal + 1]!;
      warnings.push({
        file: entry.file,
        line: entry.line,
        code: "duplicate-stamp",
        message: `another entry has the same minute (${first.file}:${first.line}); this one is ${entry.id}`,
      });
    }
  });
}

/** Fills in `resolved` on every reference and returns the backlinks by target id. */
function resolveReferences(entries: Entry[], byId: Map<string, Entry>, warnings: LogWarning[]): Map<string, Backlink[]> {
  // A quoted stamp names the first entry of its minute, whose id is the minute itself.

  const backlinks = new Map<string, Backlink[]>();
  for (const entry of entries) {
    // The references are this timeline's own (parseEntry made them): filled in place.
    for (const reference of entry.references) {
      const target = byId.get(reference.target);
      if (target === undefined) {
        warnings.push({ file: entry.file, line: reference.line, code: "unresolved-ref", message: `no entry at ${reference.target}` });
        continue;
      }
      if (reference.item !== null && !target.items.includes(reference.item)) {
        warnings.push({
          file: entry.file,
          line: reference.line,
          code: "unresolved-ref",
          message: `entry ${target.id} has no item ${reference.item}; linking to the entry`,
        });
      }
      reference.resolved = target.id;
      const backlink = { from: entry.id, fromItem: reference.fromItem, item: reference.item, line: reference.line };
      const list = backlinks.get(target.id);
      if (list === undefined) backlinks.set(target.id, [backlink]);
      else list.push(backlink);
    }
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
    const slug = freeSlug(base, slugOwners);
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
