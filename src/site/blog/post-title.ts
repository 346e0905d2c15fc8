// A generated post's title: the requesting item's own words, without the plan's time spent
// and without its references (`40' armv8 and arm server, see"10:03 2012-11-05", …` →
// `armv8 and arm server`).

import type { Entry, ItemNode } from "../../log/types.ts";
import type { BlogRequest } from "./types.ts";

// `40'`, `1h`, `1.5h`, `15:06-16:37`, `-18:16`, `20:35-`, `15:03` at the start of a plan item.
const TIME_SPENT = /^(?:\d+(?:\.\d+)?(?:'|h|min)|\d{1,2}:\d{2}(?:-(?:\d{1,2}:\d{2})?)?|-\d{1,2}:\d{2})(?=\s|,|$)[\s,]*/;
const REFERENCE_KEYWORD = /(?:\bsee|\bref:?)\s*$/i;
const JOINERS = /^[\s,.;:，。；：、]+|[\s,.;:，。；：、]+$/g;

export function requestTitle(request: BlogRequest): string {
  const fallback = request.sources[0]?.title ?? request.entry.title;
  if (request.item === null) return request.entry.title;
  return itemTitle(request.entry, request.item) || fallback;
}

export function itemTitle(entry: Entry, item: ItemNode): string {
  const line = lineText(entry, item.line);
  const start = line === null ? -1 : line.lastIndexOf(item.text);
  if (line === null || start < 0) return cleanTitle([item.text]);
  // Cut the item's text at its references and in-item times; keep the words between them.
  const spans = [
    ...entry.references.filter((r) => r.line === item.line).map((r) => [r.column, r.column + r.length] as const),
    ...entry.times.filter((t) => t.line === item.line).map((t) => [t.column, t.column + t.length] as const),
  ].sort((a, b) => a[0] - b[0]);
  const segments: string[] = [];
  let from = start;
  for (const [spanStart, spanEnd] of spans) {
    if (spanEnd <= from) continue;
    segments.push(line.slice(from, Math.max(from, spanStart)));
    from = spanEnd;
  }
  segments.push(line.slice(from));
  // `1), \TODO: write a blog about …`: the TODO is the item's whole text.
  return cleanTitle(segments).replace(/^\\TODO:\s*/, "");
}

function cleanTitle(segments: string[]): string {
  const words = segments
    .map((segment) => segment.replace(JOINERS, "").replace(REFERENCE_KEYWORD, "").replace(JOINERS, ""))
    .filter((segment) => segment !== "")
    .join(" ");
  let title = words;
  for (let previous = ""; previous !== title; ) {
    previous = title;
    title = title.replace(TIME_SPENT, "");
  }
  return title.replace(JOINERS, "").replace(/\s+/g, " ");
}

function lineText(entry: Entry, line: number): string | null {
  return entry.raw.split(/\r\n|\n|\r/)[line - entry.line] ?? null;
}
