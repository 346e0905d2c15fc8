// The timeline the site is built from once excluded entries are gone: as if the author had
// never written them, except that references to them stay in the text, unlinked.

import type { Backlink, Entry, LogFile, Reference, SeriesInfo, TagInfo, Timeline } from "../../log/index.ts";

export interface PublicOptions {
  /** `include.tags` is set: only tagged entries are published, and text outside entries is not. */
  allowList: boolean;
}

export function publicTimeline(timeline: Timeline, excluded: ReadonlySet<string>, { allowList }: PublicOptions): Timeline {
  if (excluded.size === 0 && !allowList) return timeline;
  const entries = timeline.entries.filter((entry) => !excluded.has(entry.id)).map((entry) => unlinkExcluded(entry, excluded));
  return {
    files: publicFiles(timeline, entries, allowList),
    entries,
    byId: new Map(entries.map((entry) => [entry.id, entry])),
    backlinks: publicBacklinks(timeline.backlinks, excluded),
    series: keepNonEmpty(timeline.series, (info): SeriesInfo => ({ ...info, parts: info.parts.filter((id) => !excluded.has(id)) }), (info) => info.parts),
    tags: keepNonEmpty(timeline.tags, (info): TagInfo => ({ ...info, entries: info.entries.filter((id) => !excluded.has(id)) }), (info) => info.entries),
    warnings: timeline.warnings,
  };
}

/** A reference to an excluded entry shows as the author's text: no link, no title. */
function unlinkExcluded(entry: Entry, excluded: ReadonlySet<string>): Entry {
  if (!entry.references.some((reference) => reference.resolved !== null && excluded.has(reference.resolved))) return entry;
  const references = entry.references.map((reference): Reference =>
    reference.resolved !== null && excluded.has(reference.resolved) ? { ...reference, resolved: null, excluded: true } : reference,
  );
  return { ...entry, references };
}

function publicBacklinks(backlinks: Map<string, Backlink[]>, excluded: ReadonlySet<string>): Map<string, Backlink[]> {
  const kept = new Map<string, Backlink[]>();
  for (const [target, links] of backlinks) {
    if (excluded.has(target)) continue;
    const from = links.filter((link) => !excluded.has(link.from));
    if (from.length > 0) kept.set(target, from);
  }
  return kept;
}

function keepNonEmpty<T>(map: Map<string, T>, filter: (value: T) => T, members: (value: T) => string[]): Map<string, T> {
  const kept = new Map<string, T>();
  for (const [key, value] of map) {
    const filtered = filter(value);
    if (members(filtered).length > 0) kept.set(key, filtered);
  }
  return kept;
}

/**
 * Each file's text without the excluded entries' lines, so nothing downstream can show them.
 * The text before a file's first entry (the site shows it on /archive/) goes too when every
 * entry of the file stays home — a file kept private is private as a whole — and in allow-list
 * mode, where only entries carrying a listed tag are published.
 */
function publicFiles(timeline: Timeline, entries: readonly Entry[], allowList: boolean): LogFile[] {
  const written = countByFile(timeline.entries);
  const published = new Map<string, Entry[]>();
  for (const entry of entries) {
    const own = published.get(entry.file);
    if (own === undefined) published.set(entry.file, [entry]);
    else own.push(entry);
  }
  return timeline.files.map((file) => {
    const own = (published.get(file.file) ?? []).sort((a, b) => a.line - b.line);
    const hidePreamble = allowList || ((written.get(file.file) ?? 0) > 0 && own.length === 0);
    const preamble = hidePreamble ? "" : file.preamble;
    return { ...file, preamble, text: preamble + own.map((entry) => entry.raw).join("") };
  });
}

function countByFile(entries: readonly Entry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.file, (counts.get(entry.file) ?? 0) + 1);
  return counts;
}
