// Month and year pages (titles grouped by day, with counts) and the /archive/ index.

import type { Entry } from "../../log/types.ts";
import { activityCalendar } from "./activity-calendar.ts";
import { dayUrl, isoDate, longDate, monthName, monthUrl, yearUrl } from "./local-time.ts";
import type { ArchiveIndex, DayGroup, EntrySummary, MonthPage, NeighbourLink, YearPage } from "./types.ts";

export interface DateArchives {
  months: MonthPage[];
  years: YearPage[];
  /** Newest year first, for /archive/. */
  archiveYears: ArchiveIndex["years"];
}

export function dateArchives(entries: Entry[], summaries: Map<string, EntrySummary>): DateArchives {
  const months = new Map<string, MonthPage>();
  for (const entry of entries) {
    const summary = summaries.get(entry.id);
    if (!summary) continue;
    const { year, month } = entry.time;
    const key = `${year}-${month}`;
    let page = months.get(key);
    if (!page) {
      page = {
        url: monthUrl(year, month),
        year,
        month,
        title: `${monthName(month)} ${year}`,
        count: 0,
        days: [],
        yearUrl: yearUrl(year),
        prev: null,
        next: null,
      };
      months.set(key, page);
    }
    page.count++;
    const date = isoDate(entry.time);
    let day: DayGroup | undefined = page.days.find((d) => d.date === date);
    if (!day) {
      day = { url: dayUrl(entry.time), date, title: longDate(entry.time), entries: [] };
      page.days.push(day);
    }
    day.entries.push(summary);
  }

  const monthList = [...months.values()].sort((a, b) => a.year - b.year || a.month - b.month);
  for (const page of monthList) page.days.sort((a, b) => (a.date < b.date ? -1 : 1));
  linkNeighbours(monthList);

  const years = new Map<number, YearPage>();
  for (const month of monthList) {
    let page = years.get(month.year);
    if (!page) {
      page = { url: yearUrl(month.year), year: month.year, title: String(month.year), count: 0, months: [], calendar: "", prev: null, next: null };
      years.set(month.year, page);
    }
    page.count += month.count;
    page.months.push({ url: month.url, month: month.month, title: month.title, count: month.count, days: month.days });
  }
  const yearList = [...years.values()].sort((a, b) => a.year - b.year);
  for (const page of yearList) {
    page.calendar = activityCalendar({
      counts: countsByDay(page.months.flatMap((m) => m.days)),
      from: `${page.year}-01-01`,
      to: `${page.year}-12-31`,
      label: `Entries per day in ${page.year}`,
    });
  }
  linkNeighbours(yearList);

  const archiveYears = [...yearList].reverse().map((y) => ({
    url: y.url,
    year: y.year,
    count: y.count,
    months: y.months.map(({ url, month, title, count }) => ({ url, month, title, count })),
  }));
  return { months: monthList, years: yearList, archiveYears };
}

export function countsByDay(days: { date: string; entries: unknown[] }[]): Map<string, number> {
  return new Map(days.map((d) => [d.date, d.entries.length]));
}

function linkNeighbours(pages: (NeighbourLink & { prev: NeighbourLink | null; next: NeighbourLink | null })[]): void {
  pages.forEach((page, i) => {
    const before = pages[i - 1];
    const after = pages[i + 1];
    page.prev = before ? { url: before.url, title: before.title } : null;
    page.next = after ? { url: after.url, title: after.title } : null;
  });
}
