// The page models the templates read. Built once per build from the timeline and the rendered
// bodies; listing pages hold references to these objects, never copies of rendered HTML.
import type { BlogPages } from "../blog/index.ts";
import type { FileNotes } from "./preambles.ts";
import type { TagIndex } from "./tag-index.ts";

export interface EntryLink {
  id: string;
  url: string;
  title: string;
  /** ISO local time, `2012-11-07T18:17`. */
  timestamp: string;
}

export interface TagLink {
  key: string;
  name: string;
  url: string;
  count: number;
}

/** What a listing (archive, tag page, home) shows of an entry. */
/**
 * A tag as an entry shows it: without its count, which no entry page or listing shows. With
 * it, an entry under a tag of 700 entries changed the summary of each of them, and every page
 * listing one was written again.
 */
export type EntryTag = Omit<TagLink, "count">;

export interface EntrySummary extends EntryLink {
  date: string; // `2012-11-07`
  time: string; // `18:17`
  /** `datetime` attribute value: the local time with the site's zone offset when known. */
  datetime: string;
  tags: EntryTag[];
  summary: string;
}

/**
 * One element of an entry's header: a tag links to its page; a title element, or one that is
 * not a tag (code, a path, a date, …), does not.
 */
export interface HeaderPart {
  text: string;
  url: string | null;
  /** The author's mark of importance written after the element (`***`): shown as a ★. Empty `text`: the mark alone, on the entry. */
  flag?: string;
}

export interface SeriesPart extends EntryLink {
  /** The author's part number (`cont2`), or the place in the series when it has none. */
  part: number;
  /** The place in the series, from 1. */
  position: number;
}

/** A series on its own page, `/series/<slug>/`: every part, in reading order. */
export interface SeriesPage {
  name: string;
  slug: string;
  url: string;
  parts: SeriesPart[];
}

/**
 * What an entry's page shows of its series (src/site/pages/series.ts): every part of a short
 * series (one object shared by its pages); of a long one, the parts around the entry's own,
 * with the first and the last, and null where parts are left out.
 */
export interface SeriesView {
  name: string;
  /** The series' own page. */
  url: string;
  /** Parts in the whole series. */
  count: number;
  parts: (SeriesPart | null)[];
}

export interface BacklinkView {
  from: EntryLink;
  /** The referring item's text (or the line around the reference), for context. */
  context: string;
  /** The item of this entry the reference points at, or null for the entry. */
  item: string | null;
}

export interface EntryPage extends EntrySummary {
  html: string;
  header: HeaderPart[];
  dayUrl: string;
  prev: EntryLink | null;
  next: EntryLink | null;
  series: SeriesView | null;
  /** This entry's part number in `series` (the template marks the part whose id is the entry's). */
  seriesPart: number | null;
  backlinks: BacklinkView[];
  source: { file: string; line: number } | null;
}

/** The page before or after this one in its series of pages (days, months, years, posts). */
export interface NeighbourLink {
  url: string;
  title: string;
}

export interface DayPage {
  url: string;
  date: string; // `2012-11-07`
  title: string; // human date
  entries: EntryPage[];
  prev: NeighbourLink | null;
  next: NeighbourLink | null;
  monthUrl: string;
}

export interface DayGroup {
  url: string;
  date: string;
  title: string;
  entries: EntrySummary[];
}

export interface MonthPage {
  url: string;
  year: number;
  month: number;
  title: string; // `November 2012`
  count: number;
  days: DayGroup[];
  yearUrl: string;
  prev: NeighbourLink | null;
  next: NeighbourLink | null;
}

export interface MonthLink {
  url: string;
  month: number;
  title: string;
  count: number;
}

export interface YearPage {
  url: string;
  year: number;
  title: string;
  count: number;
  months: (MonthLink & { days: DayGroup[] })[];
  calendar: string; // inline SVG
  prev: NeighbourLink | null;
  next: NeighbourLink | null;
}

export interface ArchiveIndex {
  years: { url: string; year: number; count: number; months: MonthLink[] }[];
  /** Text before the first entry of each file that has some. */
  notes: FileNotes[];
}

export interface TagSummary extends TagLink {
  slug: string;
  /** Most frequent parents first: the chain of broader tags (`virtualization` › `libvirt`). */
  ancestors: TagLink[];
  children: TagLink[];
  related: TagLink[];
}

/** One page of a tag's listing; templates paginate over these with size 1. */
export interface TagChunk {
  tag: TagSummary;
  pageNumber: number; // 1-based
  pageCount: number;
  url: string;
  items: EntrySummary[];
  pages: { number: number; url: string }[];
}

export interface RedirectPage {
  from: string;
  to: string;
  title: string;
}

/** A blog post as listed on the home and tag pages; the blog issue fills these in. */
export interface PostLink {
  url: string;
  title: string;
  date: string;
  summary: string;
}

export interface SitePages {
  entries: EntryPage[];
  /** Newest first, for the home page. */
  latest: EntrySummary[];
  days: DayPage[];
  months: MonthPage[];
  years: YearPage[];
  archive: ArchiveIndex;
  tags: TagSummary[];
  /** `/tags/`: the most used, the topics' tree, the rest by letter. */
  tagIndex: TagIndex;
  tagChunks: TagChunk[];
  topTags: TagLink[];
  series: SeriesPage[];
  homeCalendar: string;
  redirects: RedirectPage[];
  posts: PostLink[];
  /** Posts by tag key, for the first page of each tag. */
  tagPosts: Record<string, PostLink[]>;
  /** The blog's pages (src/site/blog/), added by `withBlog` in the data pipeline. */
  blog?: BlogPages;
  rendererCss: string;
}
