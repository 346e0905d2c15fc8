// The site's paginated pages, one set per template: where each page is written and which part
// of the data its template reads. An incremental build hashes `reads` to know which pages
// changed, so a template that starts reading more of `dotlog` must say so here (a test compares
// each template's `dotlog.…` references with this table).

import { readFileSync } from "node:fs";
import { redirectPageHtml, type RedirectSite } from "./redirects.ts";
import type { PublishedPostFile } from "../blog/index.ts";
import type { DayGroup, SitePages } from "./types.ts";

export interface PageSet<T = unknown> {
  /** The key under `dotlog.write` the template paginates over. */
  name: string;
  /** The template, relative to `templates/`; null for pages and files the build writes itself (`contents`). */
  template: string | null;
  /** A page or file written by the build beside Eleventy, not through a template (see write-direct-pages.ts). */
  contents?(item: T, site: RedirectSite): string | Uint8Array;
  items(pages: SitePages): readonly T[];
  /** Root-relative URL (or file path, for feeds) the page is written to. */
  url(item: T): string;
  /**
   * Everything the template reads for this page besides the site options. `ref` stands for a
   * model that many pages show (an entry on its day page), so it is serialized once.
   */
  reads(item: T, pages: SitePages, ref: (model: object) => string): unknown;
  /** The `dotlog.…` data the template reads besides its page, as written in the template. */
  shared: string[];
  /** Listed in the sitemap. */
  inSitemap: boolean;
}

function pageSet<T>(set: PageSet<T>): PageSet {
  return set as PageSet;
}

export const PAGE_SETS: readonly PageSet[] = [
  pageSet({
    name: "entries",
    template: "entry.njk",
    items: (pages) => pages.entries,
    url: (entry) => entry.url,
    reads: (entry, pages, ref) => [ref(entry), pages.blog?.fromEntry[entry.id] ?? null],
    shared: ["dotlog.blog.fromEntry"],
    inSitemap: true,
  }),
  pageSet({ name: "days", template: "day.njk", items: (pages) => pages.days, url: (day) => day.url, reads: (day, _, ref) => ({ ...day, entries: day.entries.map(ref) }), shared: [], inSitemap: true }),
  pageSet({ name: "months", template: "month.njk", items: (pages) => pages.months, url: (month) => month.url, reads: (month, _, ref) => ({ ...month, days: daysRead(month.days, ref) }), shared: [], inSitemap: true }),
  pageSet({
    name: "years",
    template: "year.njk",
    items: (pages) => pages.years,
    url: (year) => year.url,
    reads: (year, _, ref) => ({ ...year, months: year.months.map((month) => ({ ...month, days: daysRead(month.days, ref) })) }),
    shared: [],
    inSitemap: true,
  }),
  pageSet({
    name: "tagChunks",
    template: "tag.njk",
    items: (pages) => pages.tagChunks,
    url: (chunk) => chunk.url,
    reads: (chunk, pages, ref) => [{ ...chunk, items: chunk.items.map(ref) }, pages.tagPosts[chunk.tag.key] ?? null],
    shared: ["dotlog.tagPosts"],
    inSitemap: true,
  }),
  pageSet({ name: "series", template: "series.njk", items: (pages) => pages.series, url: (series) => series.url, reads: (series) => series, shared: [], inSitemap: true }),
  pageSet({
    name: "redirects",
    template: null,
    contents: redirectPageHtml,
    items: (pages) => pages.redirects,
    url: (r) => r.from,
    reads: (r) => r,
    shared: [],
    inSitemap: false,
  }),
  pageSet({ name: "posts", template: "blog/post.njk", items: (pages) => pages.blog?.posts ?? [], url: (post) => post.url, reads: (post) => post, shared: [], inSitemap: true }),
  pageSet({
    name: "blogChunks",
    template: "blog/index.njk",
    items: (pages) => pages.blog?.chunks ?? [],
    url: (chunk) => chunk.url,
    reads: (chunk, pages) => [chunk, pages.blog?.posts.length ?? 0],
    shared: ["dotlog.blog.posts.length"],
    inSitemap: true,
  }),
  pageSet<PublishedPostFile>({
    name: "postFiles",
    template: null,
    contents: (file) => readFileSync(file.source),
    items: (pages) => pages.blog?.files ?? [],
    url: (file) => file.url,
    reads: (file) => file,
    shared: [],
    inSitemap: false,
  }),
  pageSet({ name: "feeds", template: "feeds/feeds.njk", items: (pages) => pages.blog?.feeds ?? [], url: (feed) => feed.path, reads: (feed) => feed, shared: [], inSitemap: false }),
];

/** An archive's days with each entry's summary (shared by its month, year and tag pages) as a ref. */
function daysRead(days: readonly DayGroup[], ref: (model: object) => string): unknown {
  return days.map((day) => ({ ...day, entries: day.entries.map(ref) }));
}

/** The pages of one build: every set's items, or a chosen part of them. */
export type PageSelection = Record<string, readonly unknown[]>;

export function allPages(pages: SitePages): PageSelection {
  return Object.fromEntries(PAGE_SETS.map((set) => [set.name, set.items(pages)]));
}

/**
 * The pages of `selection` in batches of at most `size` pages, set by set in order. Pages and
 * files the build writes itself are not Eleventy's to hold: they all go with the first batch, uncounted.
 */
export function inBatches(selection: PageSelection, size: number): PageSelection[] {
  const empty = (): Record<string, unknown[]> => Object.fromEntries(PAGE_SETS.map((set) => [set.name, []]));
  const batches = [empty()];
  let room = size;
  for (const set of PAGE_SETS) {
    let items = selection[set.name] ?? [];
    if (set.contents) {
      batches[0]![set.name]!.push(...items);
      continue;
    }
    while (items.length > 0) {
      if (room === 0) {
        batches.push(empty());
        room = size;
      }
      const taken = items.slice(0, room);
      batches.at(-1)![set.name]!.push(...taken);
      room -= taken.length;
      items = items.slice(taken.length);
    }
  }
  return batches;
}

/** Pages that are not paginated and are listed in the sitemap (the others: search, 404, feeds, assets). */
const SINGLE_SITEMAP_URLS = ["/", "/archive/", "/tags/", "/todo/"];

/** Every page a search engine should know, from the models — the same list whatever part of the site a build rewrites. */
export function sitemapUrls(pages: SitePages): string[] {
  const urls = [...SINGLE_SITEMAP_URLS];
  for (const set of PAGE_SETS) if (set.inSitemap) for (const item of set.items(pages)) urls.push(set.url(item));
  return urls;
}

/** Where Eleventy writes a page of this URL, relative to the output folder. */
export function outputFile(url: string): string {
  const file = url.replace(/^\/+/, "");
  return file === "" || file.endsWith("/") ? `${file}index.html` : file;
}
