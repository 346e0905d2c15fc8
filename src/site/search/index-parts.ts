// The search records cut into a few Pagefind indexes ("parts") that stay the same when a
// new entry is appended, so a rebuild re-indexes only the part that changed. Pagefind has no
// partial re-indexing: each part is a whole index, merged in the browser (merged-search.js).
//
// Records are taken oldest first and cut where the month changes once the records since the
// last cut number `recent`: the last of these runs is the "recent" part, the one an appended
// entry changes. The runs before it are grouped, oldest first, into "sealed" parts closed once
// they hold `sealed` records. A cut depends only on the records before it, so appending a
// record changes the recent part alone; when a new month starts after `recent` records, the
// recent run joins the newest sealed part (re-indexed once) and a new recent part begins.
// Parts are contiguous in date order and never share a month: the browser orders results by
// date across parts by taking the parts in order.
//
// Each part costs the browser one word chunk a query term, and Pagefind's process memory in
// proportion to its records: the sizes are a balance of the two, measured in
// docs/performance-history.md ("Search index in parts").

export interface PartSizes {
  /** Records in an old part before it is closed (at a change of month). */
  sealed: number;
  /** Records since the last cut before the next change of month closes the recent part. */
  recent: number;
}

/**
 * Measured on 10,000 entries: Pagefind takes ~1.3 ms a record, so the recent part costs
 * under a second to index. Pagefind's process needs ~110 KB a record of its part (its peak,
 * in writing the files, is the largest process of a cold build), so sealed parts close at
 * 3,000 records: with the run that crosses it, ~3,500 (~390 MiB). A 10,000-entry log has
 * four parts; the browser pays for each in chunks (see chunkSizeFor in write-search-index.ts).
 */
export const PART_SIZES: PartSizes = { sealed: 3_000, recent: 500 };

/** Anything dated with an ISO date-time string (`2012-11-07T14:59`), which sorts as text. */
export interface Dated {
  date: string;
  url: string;
}

/** Oldest first; the URL settles entries of the same minute, so the order never depends on input order. */
export function byDate(a: Dated, b: Dated): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

const month = (record: Dated): string => record.date.slice(0, 7);

/** The records in parts, oldest part first, each oldest record first. */
export function partitionRecords<T extends Dated>(records: readonly T[], sizes: PartSizes = PART_SIZES): T[][] {
  const runs = cutAtMonths([...records].sort(byDate), sizes.recent);
  const recent = runs.pop();
  const parts: T[][] = [];
  let sealed: T[] = [];
  for (const run of runs) {
    sealed.push(...run);
    if (sealed.length >= sizes.sealed) {
      parts.push(sealed);
      sealed = [];
    }
  }
  if (sealed.length > 0) parts.push(sealed);
  if (recent) parts.push(recent);
  return parts;
}

/** Greedy cuts where the month changes, once a run holds at least `size` records. */
function cutAtMonths<T extends Dated>(sorted: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  let current: T[] = [];
  for (const record of sorted) {
    const last = current.at(-1);
    if (last && current.length >= size && month(last) !== month(record)) {
      runs.push(current);
      current = [];
    }
    current.push(record);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
