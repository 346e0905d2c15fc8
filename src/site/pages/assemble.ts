// Timeline + rendered bodies → every page model the templates need, in one pass of small steps.

import type { Timeline } from "../../log/types.ts";
import type { SiteOptions } from "../options.ts";
import { activityCalendar, lastTwelveMonths } from "./activity-calendar.ts";
import { countsByDay, dateArchives } from "./date-archives.ts";
import { dayPages } from "./day-archives.ts";
import { entryPages, entrySummaries } from "./entry-pages.ts";
import { startModels, type ModelMemory } from "./model-memory.ts";
import { fileNotes } from "./preambles.ts";
import { entryRedirects } from "./redirects.ts";
import { seriesPages } from "./series.ts";
import { tagIndex } from "./tag-index.ts";
import { tagChunks, tagLinks, tagSummaries, topTags } from "./tags.ts";
import type { PostLink, SitePages } from "./types.ts";

const LATEST_COUNT = 20;
const TOP_TAG_COUNT = 30;

export interface AssembleInput {
  timeline: Timeline;
  /** Body HTML by entry id, rendered once for the whole build. */
  bodies: Map<string, string>;
  options: Pick<SiteOptions, "timeZone" | "showSource" | "tags">;
  /** The folder the logs were read from; source names on entry pages are relative to it. */
  contentDir?: string;
  rendererCss?: string;
  posts?: PostLink[];
  /** What the last build of this process made (the dev server's): unchanged entries' models are kept. */
  memory?: ModelMemory;
}

export function assemblePages({ timeline, bodies, options, contentDir, rendererCss = "", posts = [], memory }: AssembleInput): SitePages {
  const links = tagLinks(timeline.tags.values());
  const entryOptions = { timeZone: options.timeZone, showSource: options.showSource, contentDir };
  const kept = memory && startModels(memory, entryOptions);
  const summaries = entrySummaries(timeline.entries, links, options.timeZone, kept?.summaries);
  const series = seriesPages(timeline);
  const entries = entryPages(timeline, summaries, bodies, links, series.ofEntry, entryOptions, kept?.entries);
  const days = dayPages(timeline.entries, new Map(entries.map((page) => [page.id, page])));
  const { months, years, archiveYears } = dateArchives(timeline.entries, summaries);
  const tags = tagSummaries(timeline, links);
  const newest = days[days.length - 1]?.date;
  return {
    entries,
    latest: timeline.entries.slice(-LATEST_COUNT).reverse().map((e) => summaries.get(e.id)!),
    days,
    months,
    years,
    archive: { years: archiveYears, notes: fileNotes(timeline.files, { showSource: options.showSource, contentDir }) },
    tags,
    tagIndex: tagIndex(tags),
    tagChunks: tagChunks(tags, timeline, summaries, options.tags.pageSize),
    topTags: topTags(tags, TOP_TAG_COUNT),
    series: series.pages,
    homeCalendar: newest
      ? activityCalendar({ counts: countsByDay(days), ...lastTwelveMonths(newest), label: "Entries per day over the last twelve months" })
      : "",
    redirects: entryRedirects(timeline.entries),
    posts,
    tagPosts: {},
    rendererCss,
  };
}
