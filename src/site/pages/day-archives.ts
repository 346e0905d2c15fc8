// Day pages: every entry of a day in full, like a page of the journal.

import type { Entry } from "../../log/types.ts";
import { dayUrl, isoDate, longDate, monthUrl } from "./local-time.ts";
import type { DayPage, EntryPage } from "./types.ts";

export function dayPages(entries: Entry[], pages: Map<string, EntryPage>): DayPage[] {
  const byDay = new Map<string, { time: Entry["time"]; entries: EntryPage[] }>();
  for (const entry of entries) {
    const page = pages.get(entry.id);
    if (!page) continue;
    const key = isoDate(entry.time);
    const day = byDay.get(key) ?? { time: entry.time, entries: [] };
    day.entries.push(page);
    byDay.set(key, day);
  }
  const days = [...byDay.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const result: DayPage[] = days.map(([date, day]) => ({
    url: dayUrl(day.time),
    date,
    title: longDate(day.time),
    entries: day.entries,
    prev: null,
    next: null,
    monthUrl: monthUrl(day.time.year, day.time.month),
  }));
  result.forEach((page, i) => {
    const before = result[i - 1];
    const after = result[i + 1];
    page.prev = before ? { url: before.url, title: before.title } : null;
    page.next = after ? { url: after.url, title: after.title } : null;
  });
  return result;
}
