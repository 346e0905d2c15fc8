// One page model per entry: the rendered body (rendered once, upstream), its header as tag
// links, neighbours in time, its place in its series and the entries that refer to it.

import path from "node:path";
import { tagKey, tagSpelling } from "../../log/index.ts";
import type { Entry, Timeline } from "../../log/types.ts";
import { visibleControls } from "../../render/visible-controls.ts";
import { modelText } from "./model-text.ts";
import { clockTime, dayUrl, isoDate, zonedDateTime } from "./local-time.ts";
import { itemText, lineOf, summarize } from "./summary.ts";
import { tagsOf } from "./tags.ts";
import { remembered, type KeptModels } from "../kept-models.ts";
import type { InSeries } from "./series.ts";
import type { BacklinkView, EntryLink, EntryPage, EntrySummary, HeaderPart, SeriesView, TagLink } from "./types.ts";

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

/** Each entry's summary, by id: kept from the last build (`kept`) where its inputs are the same. */
export function entrySummaries(entries: readonly Entry[], links: Map<string, TagLink>, timeZone: string, kept?: KeptModels<EntrySummary>): Map<string, EntrySummary> {
  return new Map(entries.map((entry) => [entry.id, remembered(kept, entry.id, kept ? summaryInputs(entry, links) : null, () => entrySummary(entry, links, timeZone))]));
}

/** What a summary is made of besides the options: the parse (its digest), what the merge gave the entry, its tags' links. */
function summaryInputs(entry: Entry, links: Map<string, TagLink>): unknown[] | null {
  if (!entry.digest) return null;
  const tags = tagsOf(entry, links).map(({ key, name, url }) => `${key}\u0000${name}\u0000${url}`);
  return [entry.digest, entry.id, entry.url, entry.title, entry.timestamp, tags.join("\u0001")];
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
  kept?: KeptModels<EntryPage>,
): EntryPage[] {
  const seriesKey = seriesKeys();
  return timeline.entries.map((entry, i) => {
    const before = timeline.entries[i - 1];
    const after = timeline.entries[i + 1];
    const inSeries = seriesOf.get(entry.id);
    const summary = summaries.get(entry.id)!;
    const html = bodies.get(entry.id) ?? "";
    // The summaries stand for the entries they were made of: a kept one is of the same parse,
    // id, URL and tags (the header's links, the neighbours' links, a referring entry's text).
    const inputs = kept && entry.digest
      ? [summary, html, before && summaries.get(before.id), after && summaries.get(after.id), inSeries && seriesKey(inSeries), ...backlinkInputs(entry, timeline, summaries)]
      : null;
    return remembered(kept, entry.id, inputs, () => ({
      ...summary,
      html,
      header: headerParts(entry, links),
      dayUrl: dayUrl(entry.time),
      prev: before ? entryLink(before) : null,
      next: after ? entryLink(after) : null,
      series: inSeries?.view ?? null,
      seriesPart: inSeries?.part ?? null,
      backlinks: backlinks(entry, timeline),
      source: options.showSource ? { file: sourceName(entry.file, options.contentDir), line: entry.line } : null,
    }));
  });
}

/** An entry's place in its series as one string, each view's JSON made once (a short series shares one view). */
function seriesKeys(): (inSeries: InSeries) => string {
  const views = new Map<SeriesView, string>();
  return ({ view, part }) => {
    let json = views.get(view);
    if (json === undefined) views.set(view, (json = JSON.stringify(view)));
    return `${part}\u0000${json}`;
  };
}

/** What an entry's backlinks are made of: each reference to it, and the summary of the entry it is in. */
function backlinkInputs(entry: Entry, timeline: Timeline, summaries: Map<string, EntrySummary>): unknown[] {
  const inputs: unknown[] = [];
  for (const link of timeline.backlinks.get(entry.id) ?? []) inputs.push(link.from, link.line, link.item, link.fromItem, summaries.get(link.from));
  return inputs;
}

function sourceName(file: string, contentDir: string | undefined): string {
  const name = contentDir ? path.relative(contentDir, file) : file;
  return name.split(path.sep).join("/");
}

function headerParts(entry: Entry, links: Map<string, TagLink>): HeaderPart[] {
  const { header } = entry;
  if (!header) return [];
  const own = new Set(entry.tags.map(tagKey));
  const refused = new Set(header.refused?.map((element) => element.index));
  const parts = header.elements.map((element, index): HeaderPart => {
    const flag = header.flags?.find((candidate) => candidate.index === index);
    // The mark is shown as a ★ beside the element's words, not as a part of them.
    const text = flag ? element.slice(0, element.lastIndexOf(flag.mark)).trimEnd() : element;
    const key = refused.has(index) ? null : tagKey(tagSpelling(text));
    const link = key !== null && own.has(key) ? links.get(key) : undefined;
    const part: HeaderPart = { text: modelText(text), url: link ? link.url : null };
    if (flag) part.flag = modelText(flag.mark);
    return part;
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
