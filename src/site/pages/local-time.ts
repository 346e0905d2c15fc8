// The log's times are naive local times; `<time datetime>` and feeds want them anchored in the
// configured zone. Offsets come from Intl so daylight-saving changes are honoured.

import type { LocalDateTime } from "../../log/types.ts";

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

const pad = (n: number) => String(n).padStart(2, "0");

export function isoDate(t: Pick<LocalDateTime, "year" | "month" | "day">): string {
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

export function clockTime(t: Pick<LocalDateTime, "hour" | "minute">): string {
  return `${pad(t.hour)}:${pad(t.minute)}`;
}

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** `7 November 2012`: unambiguous whatever the reader's locale. */
export function longDate(t: Pick<LocalDateTime, "year" | "month" | "day">): string {
  return `${t.day} ${monthName(t.month)} ${t.year}`;
}

export function dayUrl(t: Pick<LocalDateTime, "year" | "month" | "day">): string {
  return `/${t.year}/${pad(t.month)}/${pad(t.day)}/`;
}

export function monthUrl(year: number, month: number): string {
  return `/${year}/${pad(month)}/`;
}

export function yearUrl(year: number): string {
  return `/${year}/`;
}

/** `2012-11-07T18:17+08:00`; without a usable zone, the naive `2012-11-07T18:17`. */
export function zonedDateTime(t: LocalDateTime, timeZone: string): string {
  const naive = `${isoDate(t)}T${clockTime(t)}`;
  const offset = zoneOffsetMinutes(t, timeZone);
  if (offset === null) return naive;
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${naive}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    let formatter: Intl.DateTimeFormat | null = null;
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric", month: "numeric", day: "numeric",
        hour: "numeric", minute: "numeric", second: "numeric",
      });
    } catch {
      formatter = null; // an unknown zone: option validation reports it, pages fall back to naive times
    }
    formatters.set(timeZone, formatter);
  }
  return formatters.get(timeZone) ?? null;
}

function offsetAt(utcMs: number, formatter: Intl.DateTimeFormat): number {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(utcMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - utcMs) / 60_000);
}

// Offsets change at most a few times a year, on the hour or half hour: one lookup per zone and
// wall-clock half hour serves every entry written in it (Intl is slow enough to matter at scale).
const offsets = new Map<string, number | null>();

function zoneOffsetMinutes(t: LocalDateTime, timeZone: string): number | null {
  const key = `${timeZone} ${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute < 30 ? 0 : 30}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = lookUpOffset(t, timeZone);
    offsets.set(key, offset);
  }
  return offset;
}

function lookUpOffset(t: LocalDateTime, timeZone: string): number | null {
  const formatter = timeZone ? formatterFor(timeZone) : null;
  if (!formatter) return null;
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute);
  // Two passes: the offset at the wall time read as UTC, then at the instant that gives.
  const first = offsetAt(wall, formatter);
  return offsetAt(wall - first * 60_000, formatter);
}
