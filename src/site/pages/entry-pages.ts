// One page model per entry: the rendered body (rendered once, upstream), its header as tag
// links, neighbours in time, its place in its series and the entries that refer to it.

import path from "node:path";
import { tagKey } from "../../log/index.ts";
import type { Entry, Timeline } from "../../log/types.ts";
import { visibleControls } from "../../render/visible-controls.ts";
import { modelText } from "./model-text.ts";
import { clockTime, dayUrl, isoDate, zonedDateTime } from "./local-time.ts";
import { itemText, lineOf, summarize } from "./summary.ts";
import { tagsOf } from "./tags.ts";
import type { InSeries } from "./series.ts";
import type { BacklinkView, EntryLink, EntryPage, EntrySummary, HeaderPart, TagLink } from "./types.ts";

const CONTEXT_LENGTH = 200;

export interface EntryPageOptions {
  timeZone: string;
  showSource: boolean;
  /** Source files are shown relative to this folder: the rest of the path can be private. */
  contentDir?: string;
}

export function entryLink(entry: Entry): EntryLink {
  return { id: entry.id, url: entry.url, title: modelText(entry.title), timestamp: entry.timestamp };
}

export function entrySummary(entry: Entry, links: Map<string, TagLink>, timeZone: string): EntrySummary {
  return {
    ...entryLink(entry),
    date: isoDate(entry.time),
    time: clockTime(entry.time),
    datetime: zonedDateTime(entry.time, timeZone),
    tags: tagsOf(entry, links).map(({ key, name, url }) => ({ key, name, url })),
    summary: modelText(summarize(entry)),
  };
}

export function entryPages(
  timeline: Timeline,
  summaries: Map<string, EntrySummary>,
  bodies: Map<string, string>,
  links: Map<string, TagLink>,
  seriesOf: ReadonlyMap<string, InSeries>,
  options: EntryPageOptions,
): EntryPage[] {
  return timeline.entries.map((entry, i) => {
    const before = timeline.entries[i - 1];
    const after = timeline.entries[i + 1];
    const inSeries = seriesOf.get(entry.id);
    return {
      ...summaries.get(entry.id)!,
      html: bodies.get(entry.id) ?? "",
      header: headerParts(entry, links),
      dayUrl: dayUrl(entry.time),
      prev: before ? entryLink(before) : null,
      next: after ? entryLink(after) : null,
      series: inSeries?.view ?? null,
      seriesPart: inSeries?.part ?? null,
      backlinks: backlinks(entry, timeline),
      source: options.showSource ? { file: sourceName(entry.file, options.contentDir), line: entry.line } : null,
    };
  });
}

function sourceName(file: string, contentDir: string | undefined): string {
  const name = contentDir ? path.relative(contentDir, file) : file;
  return name.split(path.sep).join("/");
}

function headerParts(entry: Entry, links: Map<string, TagLink>): HeaderPart[] {
  if (!entry.header) return [];
  const own = new Set(entry.tags.map(tagKey));
  const parts = entry.header.elements.map((text) => {
    const key = tagKey(text);
    const link = own.has(key) ? links.get(key) : undefined;
    return { text: modelText(text), url: link ? link.url : null };
  });
  // A header that is only a title (`work report - week 44`) is already the page's heading.
  const onlyTheTitle =
    parts.every((part) => part.url === null) && parts.map((part) => part.text).join(", ") === visibleControls(entry.title);
  return onlyTheTitle ? [] : parts;
}

function backlinks(entry: Entry, timeline: Timeline): BacklinkView[] {
  const views: BacklinkView[] = [];
  const seen = new Set<string>();
  for (const link of timeline.backlinks.get(entry.id) ?? []) {
    const from = timeline.byId.get(link.from);
    if (!from) continue;
    // One line per referring place: `see"…", "…"` on one line points twice at most.
    const place = `${link.from}#${link.line}#${link.item ?? ""}`;
    if (seen.has(place)) continue;
    seen.add(place);
    const item = link.fromItem ? itemText(from, link.fromItem) : null;
    const context = (item && item.trim() !== "" ? item : lineOf(from, link.line)).trim();
    views.push({ from: entryLink(from), context: modelText(clip(context)), item: link.item });
  }
  return views;
}

function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length <= CONTEXT_LENGTH ? text : chars.slice(0, CONTEXT_LENGTH).join("").trimEnd() + "…";
}
