// Cuts one file's decoded text into a preamble and raw entries at its timestamp lines.
// Nothing is dropped: preamble + every entry's raw, in order, is the text itself.
//
// Stamps are found in one pass that makes no string for ordinary lines; an entry's lines are
// made only when the entry is taken, so a large file never holds all its lines at once.

import { decideFormat, isMarkdownName } from "./format.ts";
import { forEachLine, splitLines } from "./lines.ts";
import { decideDateOrder, isUnderline, isYearLast, matchStampShape, mayBeStamp, readStamp } from "./stamp.ts";
import type { DateOrder, LocalDateTime, LogFormat, LogWarning, ParseOptions, RawEntry } from "./types.ts";

export interface ScannedFile {
  /** Text before the first stamp line, the directive line included. */
  preamble: string;
  directive: string | null;
  dateOrder: DateOrder | null;
  format: LogFormat;
  warnings: LogWarning[];
  /** The entries in file order, each made when it is reached. */
  entries: () => Generator<RawEntry>;
}

export interface SplitFile extends Omit<ScannedFile, "entries"> {
  entries: RawEntry[];
}

const DIRECTIVE = /^\.[A-Za-z]+[ \t]*$/;

interface LineSpan {
  line: number;
  start: number;
  end: number;
  next: number;
}

interface Stamp {
  line: number;
  start: number;
  next: number;
  time: LocalDateTime;
  text: string;
}

export function splitEntries(file: string, text: string, options: Pick<ParseOptions, "dateOrder"> = {}): SplitFile {
  const scanned = scanEntries(file, text, options);
  return { ...scanned, entries: [...scanned.entries()] };
}

export function scanEntries(file: string, text: string, options: Pick<ParseOptions, "dateOrder"> = {}): ScannedFile {
  const warnings: LogWarning[] = [];
  const first = firstLineOf(text);
  const startsWithLog = first !== null && /^\.LOG[ \t]*$/i.test(first.text);
  // A Markdown journal's stamp shapes (an ATX heading, the date first) count only in a file named so.
  const markdownShapes = isMarkdownName(file) && !startsWithLog;
  const { stamps, order, lastLine } = findStamps(file, text, options.dateOrder ?? "auto", warnings, markdownShapes);

  const preambleEnd = stamps[0]?.start ?? text.length;
  const isDirective = first !== null && first.next <= preambleEnd && DIRECTIVE.test(first.text);
  const directive = isDirective ? first.text.trimEnd() : null;
  const format = decideFormat(file, directive, stamps[0] !== undefined && underlineAfter(text, stamps[0]) !== null);
  if (stamps.length === 0 && !isBlankAfter(text, isDirective ? first.next : 0)) {
    warnings.push({
      file,
      line: 0,
      code: "no-entries",
      message: "no line of this file starts an entry (a timestamp line such as 14:32 2012-11-01), so it has no entries; its text is shown with the archive's notes",
    });
  }

  function* entries(): Generator<RawEntry> {
    for (const [k, stamp] of stamps.entries()) {
      // Everything below works inside the entry's own slice, so no search runs past it.
      const raw = text.slice(stamp.start, stamps[k + 1]?.start ?? text.length);
      const afterStamp = stamp.next - stamp.start;
      const underline = underlineAfter(raw, { next: afterStamp });
      const underlined = underline !== null;
      const body = raw.slice(afterStamp + (underlined ? underline.next : 0));
      yield {
        file,
        format,
        time: stamp.time,
        line: stamp.line,
        endLine: k + 1 < stamps.length ? stamps[k + 1]!.line - 1 : lastLine,
        raw,
        stampText: underlined ? `${stamp.text}\n${underline.text}` : stamp.text,
        lines: splitLines(body, stamp.line + (underlined ? 2 : 1)),
        body,
      };
    }
  }

  return {
    preamble: text.slice(0, preambleEnd),
    directive,
    dateOrder: order,
    format,
    warnings,
    entries,
  };
}

/** The `----` or `====` right under a stamp line, when there is one. */
function underlineAfter(text: string, stamp: { next: number }): { text: string; next: number } | null {
  const line = firstLineOf(text.slice(stamp.next));
  return line !== null && isUnderline(line.text) ? line : null;
}

function isBlankAfter(text: string, start: number): boolean {
  return /^\s*$/.test(text.slice(start));
}

/** The first line of a text and where the line after it starts. */
function firstLineOf(text: string): { text: string; next: number } | null {
  if (text.length === 0) return null;
  const end = /\r|\n|$/.exec(text)!.index;
  const next = text.startsWith("\r\n", end) ? end + 2 : Math.min(end + 1, text.length);
  return { text: text.slice(0, end), next };
}

interface Found {
  stamps: Stamp[];
  order: DateOrder | null;
  lastLine: number;
}

function findStamps(file: string, text: string, forced: "auto" | "dmy" | "mdy", warnings: LogWarning[], markdown: boolean): Found {
  // Only where the candidate lines are is kept while the file is scanned; their shapes are
  // read again when needed (a large log has tens of thousands of them, alive until the end).
  const candidates: LineSpan[] = [];
  let lastLine = 0;
  forEachLine(text, (line, start, end, next) => {
    lastLine = line;
    if (mayBeStamp(text, start, end, markdown) && matchStampShape(text.slice(start, end), markdown) !== null) candidates.push({ line, start, end, next });
  });
  const shapeOf = (candidate: LineSpan) => matchStampShape(text.slice(candidate.start, candidate.end), markdown)!;

  const decision = decideDateOrder(
    (function* () {
      for (const candidate of candidates) yield shapeOf(candidate);
    })(),
    forced,
  );
  if (decision.ambiguous) {
    const first = candidates.find((candidate) => isYearLast(shapeOf(candidate)))!;
    const reading = decision.order === "mdy" ? "month-first (a 12-hour clock suggests en-US)" : "day-first (a 24-hour clock suggests en-GB)";
    warnings.push({
      file,
      line: first.line,
      code: "ambiguous-date-order",
      message: `no date in this file has a day over 12, so its dates are read ${reading}; set dateOrder to override`,
    });
  }

  const stamps: Stamp[] = [];
  for (const candidate of candidates) {
    const { line, start, end, next } = candidate;
    const lineText = text.slice(start, end);
    const reading = readStamp(shapeOf(candidate), decision.order);
    if (reading.ok) stamps.push({ line, start, next, text: lineText, time: reading.time });
    else {
      warnings.push({
        file,
        line,
        code: "bad-stamp",
        message: `"${lineText.trim()}" is not an entry start: ${reading.problem}`,
      });
    }
  }
  return { stamps, order: decision.order, lastLine };
}
