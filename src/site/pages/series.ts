// A series (`cont2`, `（续）`) on the site: a page of its own that lists every part, and on each
// of its entries' pages the parts around that entry. A long series listed whole on every page
// of it makes the site grow with the square of its length: a series of 600 parts is 360,000
// links, and on the 20,000-entry bench log most of what Eleventy wrote and escaped.

import { freeSlug, slugify } from "../../log/index.ts";
import type { Entry, Timeline } from "../../log/types.ts";
import { entryLink } from "./entry-pages.ts";
import { modelText } from "./model-text.ts";
import type { SeriesPage, SeriesPart, SeriesView } from "./types.ts";

/** A series of at most this many parts is listed whole on each of its entries' pages. */
export const SERIES_LISTED_WHOLE = 20;
/** In a longer one, the parts shown on each side of the entry's own (and the first and last). */
export const SERIES_AROUND = 3;

/** An entry's place in its series: what its page shows, and its part number. */
export interface InSeries {
  view: SeriesView;
  part: number;
}

export interface SeriesPages {
  pages: SeriesPage[];
  /** By entry id. */
  ofEntry: Map<string, InSeries>;
}

export function seriesPages(timeline: Timeline): SeriesPages {
  const pages: SeriesPage[] = [];
  const ofEntry = new Map<string, InSeries>();
  const slugs = new Set<string>();
  for (const info of timeline.series.values()) {
    const parts: SeriesPart[] = info.parts
      .map((id) => timeline.byId.get(id))
      .filter((e): e is Entry => e !== undefined)
      .map((e, i) => ({ ...entryLink(e), part: e.series?.part ?? i + 1, position: i + 1 }));
    if (parts.length === 0) continue;
    const name = modelText(info.name);
    // Two series whose names make the same slug (`Xen-HVM`, `xen hvm`): the later one gets `-2`.
    const slug = freeSlug(slugify(info.name) || "series", slugs);
    slugs.add(slug);
    const page: SeriesPage = { name, slug, url: `/series/${slug}/`, parts };
    pages.push(page);
    // A short series is one view shared by its pages; a long one, a view a page.
    const whole: SeriesView | null = parts.length <= SERIES_LISTED_WHOLE ? { name, url: page.url, count: parts.length, parts } : null;
    parts.forEach((part, index) => {
      const view = whole ?? { name, url: page.url, count: parts.length, parts: seriesWindow(parts, index) };
      ofEntry.set(part.id, { view, part: part.part });
    });
  }
  return { pages, ofEntry };
}

/**
 * The parts an entry's page shows of its series: all of a short series; of a longer one the
 * first, the last, and `SERIES_AROUND` on each side of the entry's own (`index`), with a null
 * where parts are left out.
 */
export function seriesWindow<T>(parts: readonly T[], index: number): (T | null)[] {
  if (parts.length <= SERIES_LISTED_WHOLE) return [...parts];
  const shown = new Set([0, parts.length - 1]);
  for (let i = Math.max(0, index - SERIES_AROUND); i <= Math.min(parts.length - 1, index + SERIES_AROUND); i++) shown.add(i);
  const window: (T | null)[] = [];
  let last = -1;
  for (const i of [...shown].sort((a, b) => a - b)) {
    if (i > last + 1) window.push(null);
    window.push(parts[i]!);
    last = i;
  }
  return window;
}
