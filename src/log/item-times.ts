// `(15:33 2012-11-02)` inside an item: when the item was written — not a reference. The same
// bracketed stamp opens an insertion when a `"…"end` closes it later (insertions.ts decides).

import { readInlineStamp, STAMP_TEXT } from "./inline-stamp.ts";
import type { DateOrder } from "./types.ts";

export interface StampMatch {
  at: string; // ISO local
  column: number;
  length: number;
}

const BRACKET_THEN_DIGIT = /[(（][ \t]*\d/;
const BRACKETED = new RegExp(`[(（][ \\t]*(${STAMP_TEXT})[ \\t]*[)）]`, "g");

export function findItemTimes(text: string, dateOrder: DateOrder | null = null): StampMatch[] {
  const found: StampMatch[] = [];
  if (!BRACKET_THEN_DIGIT.test(text)) return found; // no bracketed number: most lines
  for (const match of text.matchAll(BRACKETED)) {
    const at = readInlineStamp(match[1]!, dateOrder);
    if (at !== null) found.push({ at, column: match.index, length: match[0].length });
  }
  return found;
}
