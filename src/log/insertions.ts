// Text added later to an old entry: `(16:40 2013-01-23)` … `"16:40 2013-01-23"end`.
// The opening is an item-time shape; only a matching close makes it an insertion.

import { readInlineStamp, STAMP_TEXT } from "./inline-stamp.ts";
import { findItemTimes, type StampMatch } from "./item-times.ts";
import type { DateOrder, Insertion, ItemTime, SourceLine } from "./types.ts";

const CLOCK = /\d:\d\d/;
const END = new RegExp(`["“”][ \\t]*(${STAMP_TEXT})[ \\t]*["“”]end\\b`, "g");

/** `"16:40 2013-01-23"end` closings in one line. */
export function findInsertionEnds(text: string, dateOrder: DateOrder | null = null): StampMatch[] {
  const found: StampMatch[] = [];
  if (!text.includes("end")) return found;
  for (const match of text.matchAll(END)) {
    const at = readInlineStamp(match[1]!, dateOrder);
    if (at !== null) found.push({ at, column: match.index, length: match[0].length });
  }
  return found;
}

export interface InsertionScan {
  insertions: Insertion[];
  /** `line:column` of the bracketed stamps that open an insertion (so they are not item times). */
  openings: Set<string>;
  /** The other bracketed stamps: item times, found in the same pass. */
  times: ItemTime[];
}

// The author sometimes closes a minute or two after the opening's stamp
// (`(11:33 2012-04-24)` … `"11:34 2012-04-24"end`).
const CLOSE_SLACK_MINUTES = 30;

/** The unpaired opening a close belongs to: the same stamp, else the latest one just before it. */
function openingFor(open: { at: string }[], closeAt: string): number {
  const exact = open.findLastIndex((candidate) => candidate.at === closeAt);
  if (exact >= 0) return exact;
  return open.findLastIndex((candidate) => {
    const gap = (Date.parse(`${closeAt}Z`) - Date.parse(`${candidate.at}Z`)) / 60_000;
    return gap >= 0 && gap <= CLOSE_SLACK_MINUTES;
  });
}

/** Pairs each close with the nearest earlier unpaired opening of its stamp (see openingFor). */
export function findInsertions(lines: SourceLine[], dateOrder: DateOrder | null = null): InsertionScan {
  const open: { at: string; line: number; column: number }[] = [];
  const insertions: Insertion[] = [];
  const openings = new Set<string>();
  const bracketed: ItemTime[] = [];
  for (const { line, text } of lines) {
    if (!CLOCK.test(text)) continue; // no time, no stamp: most lines
    const times = findItemTimes(text, dateOrder);
    const ends = findInsertionEnds(text, dateOrder);
    if (times.length === 0 && ends.length === 0) continue;
    for (const time of times) bracketed.push({ ...time, line });
    const events = [...times.map((m) => ({ ...m, close: false })), ...ends.map((m) => ({ ...m, close: true }))].sort(
      (a, b) => a.column - b.column,
    );
    for (const event of events) {
      if (!event.close) {
        open.push({ at: event.at, line, column: event.column });
        continue;
      }
      const index = openingFor(open, event.at);
      if (index < 0) continue;
      const [opening] = open.splice(index, 1);
      openings.add(`${opening!.line}:${opening!.column}`);
      insertions.push({ at: opening!.at, line: opening!.line, endLine: line, endAt: event.at });
    }
  }
  insertions.sort((a, b) => a.line - b.line);
  const times = bracketed.filter((time) => !openings.has(`${time.line}:${time.column}`));
  return { insertions, openings, times };
}
