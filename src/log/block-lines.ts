// The vocabulary block detection shares: a body line seen without its outline marker, the
// lines that are the author writing again, and how a block runs on across blank lines.

import { matchMarker } from "./outline.ts";
import { isBlank, isProse } from "./prose.ts";
import { STAMP_TEXT } from "./inline-stamp.ts";
import type { SourceLine } from "./types.ts";

/** A body line as block detection sees it: its text after any outline marker. */
export interface ScanLine extends SourceLine {
  content: string; // after the outline marker, if any
  column: number; // where content starts
  marked: boolean;
}

const AUTHOR_STAMP = new RegExp(`^\\s*(?:[(（]\\s*${STAMP_TEXT}\\s*[)）]|["“”]\\s*${STAMP_TEXT}\\s*["“”]end)`);

// `ref: http://…`, `notes: …`: the author's own labels.
const AUTHOR_LABEL = /^(?:ref|see|notes?)\s*[:：]/i;

/** Lines that end any block: the author writing again. */
export function isAuthorLine(scan: ScanLine): boolean {
  return scan.marked || AUTHOR_STAMP.test(scan.text) || AUTHOR_LABEL.test(scan.text);
}

export function toScanLine({ line, text, start, eol }: SourceLine): ScanLine {
  const marker = matchMarker(text);
  const column = marker ? marker.marker.length : 0;
  return { line, text, start, eol, content: text.slice(column), column, marked: marker !== null };
}

/**
 * Lines `from`..`to` joined with `\n`, the first from `column`. Where they end in `\n` in the
 * entry's `body`, that is a span of it: sliced, it shares the file's text instead of copying
 * it (a large log keeps every block's text).
 */
export function joinLines(scans: ScanLine[], from: number, to: number, body: string | undefined, column = 0): string {
  const first = scans[from]!;
  const last = scans[to]!;
  if (body !== undefined && first.start !== undefined && last.start !== undefined && endsInNewlines(scans, from, to)) {
    return body.slice(first.start + column, last.start + last.text.length);
  }
  const texts = [first.text.slice(column)];
  for (let index = from + 1; index <= to; index++) texts.push(scans[index]!.text);
  return texts.join("\n");
}

function endsInNewlines(scans: ScanLine[], from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (scans[index]!.eol !== "\n") return false;
  return true;
}

export const INDENTED = /^(?:\t| {2,})\S/;
export const CALL = /^[A-Za-z_][\w.]*(?:\(\))?\s*->/;

/** Indented lines and call-graph lines are never prose, whatever their words. */
export function isLaidOut(scan: ScanLine): boolean {
  return INDENTED.test(scan.text) || CALL.test(scan.text);
}

/**
 * The last index of a block that starts at `start` and goes on while `belongs` holds, across
 * blank lines when the next non-blank line belongs too; an outline marker, an author's stamp
 * or prose ends it — except on lines `isCode` says are code however wordy they read.
 */
export function extend(
  scans: ScanLine[],
  start: number,
  belongs: (scan: ScanLine) => boolean,
  isCode: (scan: ScanLine) => boolean = isLaidOut,
): number {
  let end = start;
  for (let index = start + 1; index < scans.length; index++) {
    const scan = scans[index]!;
    if (isBlank(scan.text)) continue;
    if (isAuthorLine(scan) || !belongs(scan)) break;
    if (!isCode(scan) && isProse(scan.text)) break;
    end = index;
  }
  return end;
}
