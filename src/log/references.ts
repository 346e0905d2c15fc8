// Cross references: a quoted stamp, with or without `see` / `ref:` before it, optionally
// followed by an item path: `see"16:52 2012-11-06"2-1)`. `"16:40 2013-01-23"end` closes an
// insertion (insertions.ts) and is not a reference.

import { readInlineStamp, STAMP_TEXT } from "./inline-stamp.ts";
import type { DateOrder } from "./types.ts";

export interface ReferenceMatch {
  target: string; // ISO local
  item: string | null;
  column: number; // of the opening quote
  length: number; // quoted stamp + item path
}

// The patterns hold only BMP characters: no `u` flag, which makes them slower on every line.
const OPEN = `["“”]`;
const CLOSE = `["“”]`;
const QUOTED = new RegExp(`${OPEN}[ \\t]*(${STAMP_TEXT})[ \\t]*${CLOSE}(end\\b)?(\\d+(?:-\\d+)*\\)?)?`, "gi");
const INTRO = new RegExp(`(?:\\bsee|\\bref:)[ \\t]*${OPEN}`, "gi");
const STAMP_START = new RegExp(`[ \\t]*(${STAMP_TEXT})`, "y");
const CLOSE_QUOTE = /["“”]/;
const ANY_QUOTE = /["“”]/;
// A quotation closes within a line's worth of text; looking further only costs time.
const QUOTE_REACH = 400;

/** References in one line of text, left to right. */
export function findReferences(text: string, dateOrder: DateOrder | null = null): ReferenceMatch[] {
  return [...scanReferences(text, dateOrder).references];
}

/**
 * `see"` whose quote is never closed around a stamp: either no closing quote on the line, or a
 * stamp that runs on without one (`see"14:25 2012-04-01 and later`).
 */
export function findUnclosedReferences(text: string, dateOrder: DateOrder | null = null): UnclosedReference[] {
  return [...scanReferences(text, dateOrder).unclosed];
}

export interface UnclosedReference {
  column: number; // of the opening quote
  length: number;
  /** The stamp right after the quote, when there is one. */
  target: string | null;
}

export interface ReferenceScan {
  /** Every reference, left to right; an unclosed `see"` before a stamp still points. */
  references: readonly ReferenceMatch[];
  unclosed: readonly UnclosedReference[];
}

// Most lines have no quote: they all get this one answer rather than new empty lists.
const NO_REFERENCES: ReferenceScan = { references: [], unclosed: [] };

/** One pass over a line for both: the closed quotations tell which `see"` are unclosed. */
export function scanReferences(text: string, dateOrder: DateOrder | null = null): ReferenceScan {
  if (!hasQuote(text)) return NO_REFERENCES;
  const references: ReferenceMatch[] = [];
  const closed = new Set<number>();
  for (const match of text.matchAll(QUOTED)) {
    closed.add(match.index);
    if (match[2] !== undefined) continue; // `"…"end` closes an insertion
    const target = readInlineStamp(match[1]!, dateOrder);
    if (target === null) continue;
    const item = match[3]?.replace(/\)$/, "") ?? null;
    references.push({ target, item, column: match.index, length: match[0].length });
  }
  const unclosed: UnclosedReference[] = [];
  for (const intro of text.matchAll(INTRO)) {
    const quote = intro.index + intro[0].length - 1;
    if (closed.has(quote)) continue;
    STAMP_START.lastIndex = quote + 1;
    const stamp = STAMP_START.exec(text);
    const hasClose = CLOSE_QUOTE.test(text.slice(quote + 1, quote + 1 + QUOTE_REACH));
    if (!stamp && hasClose) continue; // `see "hg help config"`: a quotation, not a reference
    const target = stamp ? readInlineStamp(stamp[1]!, dateOrder) : null;
    unclosed.push({ column: quote, length: 1 + (stamp ? stamp[0].length : 0), target });
    if (target !== null) references.push({ target, item: null, column: quote, length: 1 + stamp![0].length });
  }
  if (unclosed.length > 0) references.sort((a, b) => a.column - b.column);
  return { references, unclosed };
}

/** Most lines hold no quote at all: skip the regular expressions for them. */
export function hasQuote(text: string): boolean {
  return ANY_QUOTE.test(text);
}
