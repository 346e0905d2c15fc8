// The timeline the site is built from once excluded entries are gone: as if the author had
// never written them, except that references to them stay in the text, unlinked.

import type { Backlink, Entry, LogFile, Reference, SeriesInfo, TagInfo, Timeline } from "../../log/index.ts";

export function publicTimeline(timeline: Timeline, excluded: ReadonlySet<string>): Timeline {
  if (excluded.size === 0) return timeline;
  const entries = timeline.entries.filter((entry) => !excluded.has(entry.id)).map((entry) => unlinkExcluded(entry, excluded));
  return {
    files: publicFiles(timeline.files, entries),
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

/** Each file's text without the excluded entries' lines, so nothing downstream can show them. */
function publicFiles(files: LogFile[], entries: readonly Entry[]): LogFile[] {
  const byFile = new Map<string, Entry[]>();
  for (const entry of entries) {
    const own = byFile.get(entry.file);
    if (own === undefined) byFile.set(entry.file, [entry]);
    else own.push(entry);
  }
  return files.map((file) => {
    const own = (byFile.get(file.file) ?? []).sort((a, b) => a.line - b.line);
    return { ...file, text: file.preamble + own.map((entry) => entry.raw).join("") };
  });
}
