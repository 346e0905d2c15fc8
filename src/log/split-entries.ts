// Cuts one file's decoded text into a preamble and raw entries at its timestamp lines.
// Nothing is dropped: preamble + every entry's raw, in order, is the text itself.

import { lineEndOffset, splitLines, type TextLine } from "./lines.ts";
import { decideDateOrder, isUnderline, matchStampShape, readStamp, type StampShape } from "./stamp.ts";
import type { DateOrder, LocalDateTime, LogWarning, ParseOptions, RawEntry } from "./types.ts";

export interface SplitFile {
  /** Text before the first stamp line, the directive line included. */
  preamble: string;
  directive: string | null;
  dateOrder: DateOrder | null;
  entries: RawEntry[];
  warnings: LogWarning[];
}

const DIRECTIVE = /^\.[A-Za-z]+[ \t]*$/;

export function splitEntries(file: string, text: string, options: Pick<ParseOptions, "dateOrder"> = {}): SplitFile {
  const lines = splitLines(text);
  const warnings: LogWarning[] = [];
  const starts = findStarts(file, lines, options.dateOrder ?? "auto", warnings);

  const entries: RawEntry[] = starts.stamps.map((stamp, k) => {
    const next = starts.stamps[k + 1];
    const stampLine = lines[stamp.index]!;
    const last = next === undefined ? lines.length - 1 : next.index - 1;
    const underline = stamp.index < last && isUnderline(lines[stamp.index + 1]!.text) ? lines[stamp.index + 1]! : null;
    return {
      file,
      time: stamp.time,
      line: stampLine.line,
      endLine: lines[last]!.line,
      raw: text.slice(stampLine.start, next === undefined ? text.length : lines[next.index]!.start),
      stampText: underline === null ? stampLine.text : `${stampLine.text}\n${underline.text}`,
      lines: lines.slice(stamp.index + (underline === null ? 1 : 2), last + 1),
    };
  });

  const firstLine = lines[0];
  const preambleEnd = starts.stamps[0] === undefined ? text.length : lines[starts.stamps[0].index]!.start;
  const isDirective = firstLine !== undefined && lineEndOffset(firstLine) <= preambleEnd && DIRECTIVE.test(firstLine.text);
  return {
    preamble: text.slice(0, preambleEnd),
    directive: isDirective ? firstLine.text.trimEnd() : null,
    dateOrder: starts.order,
    entries,
    warnings,
  };
}

interface Stamps {
  stamps: { index: number; time: LocalDateTime }[];
  order: DateOrder | null;
}

function findStarts(file: string, lines: TextLine[], forced: "auto" | "dmy" | "mdy", warnings: LogWarning[]): Stamps {
  const candidates: { index: number; shape: StampShape }[] = [];
  lines.forEach((line, index) => {
    const shape = matchStampShape(line.text);
    if (shape !== null) candidates.push({ index, shape });
  });

  const decision = decideDateOrder(candidates.map((c) => c.shape), forced);
  if (decision.ambiguous) {
    const first = candidates.find((c) => c.shape.widths[2] === 4)!;
    const reading = decision.order === "mdy" ? "month-first (a 12-hour clock suggests en-US)" : "day-first (a 24-hour clock suggests en-GB)";
    warnings.push({
      file,
      line: lines[first.index]!.line,
      code: "ambiguous-date-order",
      message: `no date in this file has a day over 12, so its dates are read ${reading}; set dateOrder to override`,
    });
  }

  const stamps: Stamps["stamps"] = [];
  for (const { index, shape } of candidates) {
    const reading = readStamp(shape, decision.order);
    if (reading.ok) stamps.push({ index, time: reading.time });
    else {
      const line = lines[index]!;
      warnings.push({ file, line: line.line, code: "bad-stamp", message: `"${line.text.trim()}" is not an entry start: ${reading.problem}` });
    }
  }
  return { stamps, order: decision.order };
}
