// An activity calendar drawn at build time as inline SVG: one square a day, a column a week
// (Monday first), darker for more entries; every day with entries links to its day page.
// No script is needed to read it, and each day carries its count as a <title>.

import { dayUrl, monthName } from "./local-time.ts";

export interface CalendarInput {
  /** Entries per day, keyed `YYYY-MM-DD`. */
  counts: Map<string, number>;
  from: string; // first day shown, `YYYY-MM-DD`
  to: string; // last day shown
  label: string;
}

const CELL = 10;
const STEP = 13;
const LEFT = 30;
const TOP = 16;
const DAY_MS = 86_400_000;
const WEEKDAY_LABELS: [number, string][] = [[0, "Mon"], [2, "Wed"], [4, "Fri"]];

export function level(count: number): number {
  if (count <= 0) return 0;
  if (count === 1) return 1;
  if (count === 2) return 2;
  if (count <= 4) return 3;
  return 4;
}

export function activityCalendar({ counts, from, to, label }: CalendarInput): string {
  const first = parseDay(from);
  const last = parseDay(to);
  const start = first - weekday(first) * DAY_MS; // the Monday of the first week
  const weeks = Math.floor((last - start) / DAY_MS / 7) + 1;
  const width = LEFT + weeks * STEP + 14; // room for a month label on the last column
  const height = TOP + 7 * STEP;
  const parts: string[] = [];

  let lastMonth = -1;
  for (let week = 0; week < weeks; week++) {
    const monday = start + week * 7 * DAY_MS;
    const shown = Math.max(monday, first);
    const month = new Date(shown).getUTCMonth();
    // Label a month on the first column that starts inside it (or the first column at all).
    if (month !== lastMonth && (new Date(shown).getUTCDate() <= 7 || week === 0)) {
      parts.push(`<text x="${LEFT + week * STEP}" y="${TOP - 5}" class="cal-label">${monthName(month + 1).slice(0, 3)}</text>`);
      lastMonth = month;
    }
  }
  for (const [row, name] of WEEKDAY_LABELS) {
    parts.push(`<text x="0" y="${TOP + row * STEP + CELL - 1}" class="cal-label">${name}</text>`);
  }

  let total = 0;
  for (let day = first; day <= last; day += DAY_MS) {
    const week = Math.floor((day - start) / DAY_MS / 7);
    const row = weekday(day);
    const date = formatDay(day);
    const count = counts.get(date) ?? 0;
    total += count;
    const rect = `<rect x="${LEFT + week * STEP}" y="${TOP + row * STEP}" width="${CELL}" height="${CELL}" rx="2" class="cal-${level(count)}"`;
    if (count > 0) {
      const d = new Date(day);
      const url = dayUrl({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
      const words = `${count} ${count === 1 ? "entry" : "entries"} on ${date}`;
      parts.push(`<a href="${url}"><title>${words}</title>${rect}/></a>`);
    } else {
      parts.push(`${rect}/>`);
    }
  }

  const summary = `${label}: ${total} ${total === 1 ? "entry" : "entries"}`;
  return (
    `<svg class="calendar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}">` +
    `<title>${escapeText(summary)}</title>` +
    parts.join("") +
    `</svg>`
  );
}

/** The 12 months ending on `to`: the day after the same date a year earlier, through `to`. */
export function lastTwelveMonths(to: string): { from: string; to: string } {
  const end = parseDay(to);
  const d = new Date(end);
  const yearBefore = Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate());
  return { from: formatDay(yearBefore + DAY_MS), to };
}

function parseDay(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
function weekday(ms: number): number {
  return (new Date(ms).getUTCDay() + 6) % 7;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}
