// Recognises Notepad's timestamp lines ("14:32 2012-11-01", "2:32 PM 11/1/2012",
// "14:32 01.11.2012", …) and turns them into local times. A file writes one Windows short
// date format throughout, so day-first vs month-first is decided once per file. A Markdown
// journal (format.ts) may also write a stamp as an ATX heading (`## 15:25 2016-01-04`) and
// date first (`### 2016-01-04 15:25`).

import type { DateOrder, LocalDateTime } from "./types.ts";

/** A line with the shape of a stamp; its fields are not checked yet. */
export interface StampShape {
  hour: number;
  minute: number;
  meridiem: "am" | "pm" | null;
  /** The three date fields as written, left to right. */
  fields: [number, number, number];
  /** How many digits each date field has. */
  widths: [number, number, number];
  separator: "-" | "/" | ".";
}

const STAMP_SHAPE =
  /^(\d{1,2}):(\d{2})(?:[ \t]?([AaPp])\.?[Mm]\.?)?[ \t]+(\d{1,4})([-/.])(\d{1,2})\5(\d{1,4})[ \t]*$/;
const DATE_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})[ \t]+(\d{1,2}):(\d{2})(?:[ \t]?([AaPp])\.?[Mm]\.?)?[ \t]*$/;
// `## 15:25 2016-01-04`, `### 2016-01-04 15:25 ###`: what is inside is read as a stamp line.
const ATX = /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const LONGEST_STAMP = 40;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const COLON = 58;
const HASH = 35;
const UNDERLINE = /^(?:-{3,}|={3,})[ \t]*$/;

/**
 * Whether `text[start, end)` could be a stamp line: short, a digit first, the colon second or
 * third (with `markdown`, also a `#` first, or a four-digit year and a date separator). Most
 * lines are prose; this rejects them before a string or a regex is made.
 */
export function mayBeStamp(text: string, start = 0, end = text.length, markdown = false): boolean {
  if (end - start > LONGEST_STAMP) return false;
  const first = text.charCodeAt(start);
  if (first >= DIGIT_0 && first <= DIGIT_9) {
    const colon = text.charCodeAt(start + 1) === COLON || text.charCodeAt(start + 2) === COLON;
    // Date first (`2016-01-04 15:25`): four digits, then the date's separator.
    return colon || (markdown && isDateSeparator(text.charCodeAt(start + 4)));
  }
  return markdown && first === HASH;
}

function isDateSeparator(code: number): boolean {
  return code === 45 || code === 47 || code === 46; // - / .
}

/** `markdown`: the shapes of a Markdown journal too (an ATX heading, the date first). */
export function matchStampShape(line: string, markdown = false): StampShape | null {
  if (!mayBeStamp(line, 0, line.length, markdown)) return null;
  if (markdown) return matchMarkdownStamp(line);
  return matchTimeFirst(line);
}

function matchMarkdownStamp(line: string): StampShape | null {
  let inner = line;
  if (line.charCodeAt(0) === HASH) {
    const heading = ATX.exec(line);
    if (heading === null) return null;
    inner = heading[1]!;
  }
  return matchTimeFirst(inner) ?? matchDateFirst(inner);
}

function matchDateFirst(line: string): StampShape | null {
  const m = DATE_FIRST.exec(line);
  if (m === null) return null;
  const [, year, separator, month, day, hour, minute, meridiem] = m as unknown as string[];
  return shapeOf(hour!, minute!, meridiem, [year!, month!, day!], separator!);
}

function matchTimeFirst(line: string): StampShape | null {
  const m = STAMP_SHAPE.exec(line);
  if (m === null) return null;
  const [, hour, minute, meridiem, a, separator, b, c] = m as unknown as string[];
  return shapeOf(hour!, minute!, meridiem, [a!, b!, c!], separator!);
}

/** A stamp's fields as matched; `date`: the three date fields left to right, as written. */
function shapeOf(hour: string, minute: string, meridiem: string | undefined, date: [string, string, string], separator: string): StampShape {
  return {
    hour: Number(hour),
    minute: Number(minute),
    meridiem: meridiem === undefined ? null : meridiem.toLowerCase() === "a" ? "am" : "pm",
    fields: [Number(date[0]), Number(date[1]), Number(date[2])],
    widths: [date[0].length, date[1].length, date[2].length],
    separator: separator as StampShape["separator"],
  };
}

/** `----` or `====` under a stamp line (or a header line) is its setext underline: decoration. */
export function isUnderline(line: string): boolean {
  return UNDERLINE.test(line);
}

function yearLast(shape: StampShape): boolean {
  return shape.widths[2] === 4 && shape.widths[0] <= 2;
}

function yearFirst(shape: StampShape): boolean {
  return shape.widths[0] === 4 && shape.widths[2] <= 2;
}

export interface DateOrderDecision {
  /** How the file's year-last stamps are read; "ymd" when all stamps start with the year. */
  order: DateOrder | null;
  /** True when nothing in the file settles day-first vs month-first. */
  ambiguous: boolean;
}

/**
 * Day-first vs month-first for one file. A first field over 12 votes day-first, a second
 * field over 12 votes month-first; the majority wins (stamps that disagree become bad stamps).
 * With no votes, Windows conventions decide: a `.` date is day-first (de-DE), a 12-hour clock
 * is month-first (en-US), and a 24-hour clock with `/` or `-` is day-first (en-GB, fr-FR);
 * the last two are reported as ambiguous.
 */
export function decideDateOrder(shapes: Iterable<StampShape>, forced: "auto" | "dmy" | "mdy" = "auto"): DateOrderDecision {
  // One pass, keeping counts only: a large log has tens of thousands of stamps.
  let lastYear = 0;
  let anyYearFirst = false;
  let dayFirst = 0;
  let monthFirst = 0;
  let allDots = true;
  let twelveHour = false;
  for (const shape of shapes) {
    if (yearFirst(shape)) anyYearFirst = true;
    if (!yearLast(shape)) continue;
    lastYear++;
    const { fields } = shape;
    if (fields[0] > 12 && fields[1] <= 12) dayFirst++;
    if (fields[1] > 12 && fields[0] <= 12) monthFirst++;
    if (shape.separator !== ".") allDots = false;
    if (shape.meridiem !== null) twelveHour = true;
  }
  if (lastYear === 0) return { order: anyYearFirst ? "ymd" : null, ambiguous: false };
  if (forced !== "auto") return { order: forced, ambiguous: false };
  if (dayFirst !== monthFirst) return { order: dayFirst > monthFirst ? "dmy" : "mdy", ambiguous: false };
  if (allDots) return { order: "dmy", ambiguous: false };
  return { order: twelveHour ? "mdy" : "dmy", ambiguous: true };
}

/** Year last, day and month in either order: the stamps whose date order must be decided. */
export function isYearLast(shape: StampShape): boolean {
  return yearLast(shape);
}

export type StampReading = { ok: true; time: LocalDateTime } | { ok: false; problem: string };

/** The local time a stamp shape names, or why it names none. */
export function readStamp(shape: StampShape, order: DateOrder | null): StampReading {
  const [a, b, c] = shape.fields;
  let year: number;
  let month: number;
  let day: number;
  if (yearFirst(shape)) [year, month, day] = [a, b, c];
  else if (yearLast(shape)) [year, month, day] = order === "mdy" ? [c, a, b] : [c, b, a];
  else return { ok: false, problem: "the date has no four-digit year" };

  const hour = twentyFourHour(shape.hour, shape.meridiem);
  if (hour === null) return { ok: false, problem: `hour ${shape.hour}${shape.meridiem ? " " + shape.meridiem.toUpperCase() : ""} does not exist` };
  if (shape.minute > 59) return { ok: false, problem: `minute ${shape.minute} does not exist` };
  if (year < 1000) return { ok: false, problem: `year ${year} is not a four-digit year` };
  if (month < 1 || month > 12) return { ok: false, problem: `month ${month} does not exist${orderNote(shape, order)}` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: `day ${day} does not exist in ${year}-${pad(month)}${orderNote(shape, order)}` };
  }
  return { ok: true, time: { year, month, day, hour, minute: shape.minute } };
}

function orderNote(shape: StampShape, order: DateOrder | null): string {
  if (!yearLast(shape)) return "";
  return order === "mdy" ? " (this file's dates are read month-first)" : " (this file's dates are read day-first)";
}

function twentyFourHour(hour: number, meridiem: StampShape["meridiem"]): number | null {
  if (meridiem === null) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  return (hour % 12) + (meridiem === "pm" ? 12 : 0);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `2012-11-07T18:17`: the ISO form of a local time, used for ids and references. */
export function isoLocal(time: LocalDateTime): string {
  // Joined, not a template: a template's parts stay a chain of cons strings, three times the
  // size of the flat string, and every entry of a large log keeps this one.
  return [String(time.year).padStart(4, "0"), "-", pad(time.month), "-", pad(time.day), "T", pad(time.hour), ":", pad(time.minute)].join("");
}
