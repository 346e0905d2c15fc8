// Text added later to an old entry: `(16:40 2013-01-23)` … `"16:40 2013-01-23"end`.
// The opening is an item-time shape; only a matching close makes it an insertion.

import { readInlineStamp, STAMP_TEXT } from "./inline-stamp.ts";
import { findItemTimes, type StampMatch } from "./item-times.ts";
import type { DateOrder, Insertion, SourceLine } from "./types.ts";

const END = new RegExp(`["“”][ \\t]*(${STAMP_TEXT})[ \\t]*["“”]end\\b`, "gu");

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
}

/** Pairs each close with the nearest earlier unpaired opening of the same stamp. */
export function findInsertions(lines: SourceLine[], dateOrder: DateOrder | null = null): InsertionScan {
  const open: { at: string; line: number; column: number }[] = [];
  const insertions: Insertion[] = [];
  const openings = new Set<string>();
  for (const { line, text } of lines) {
    const events = [
      ...findItemTimes(text, dateOrder).map((m) => ({ ...m, close: false })),
      ...findInsertionEnds(text, dateOrder).map((m) => ({ ...m, close: true })),
    ].sort((a, b) => a.column - b.column);
    for (const event of events) {
      if (!event.close) {
        open.push({ at: event.at, line, column: event.column });
        continue;
      }
      const index = open.findLastIndex((candidate) => candidate.at === event.at);
      if (index < 0) continue;
      const [opening] = open.splice(index, 1);
      openings.add(`${opening!.line}:${opening!.column}`);
      insertions.push({ at: event.at, line: opening!.line, endLine: line });
    }
  }
  insertions.sort((a, b) => a.line - b.line);
  return { insertions, openings };
}
