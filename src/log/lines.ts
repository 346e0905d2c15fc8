// Splits decoded text into lines and keeps each line's own line end, so that joining the
// lines back gives the text exactly (Notepad files mix CRLF, LF and CR).

export type LineEnd = "\r\n" | "\n" | "\r" | "";

export interface TextLine {
  /** 1-based line number. */
  line: number;
  /** Offset of the line's first character in the text. */
  start: number;
  /** The line without its line end. */
  text: string;
  eol: LineEnd;
}

/**
 * Visits each line without making strings: its number, the offset where it starts, where its
 * text ends (before the line end), and where the next line starts. A text that ends with a
 * line end has no empty last line: Notepad shows none either.
 */
export function forEachLine(text: string, visit: (line: number, start: number, end: number, next: number) => void, firstLine = 1): void {
  let line = firstLine;
  let start = 0;
  // indexOf is much faster than a line-end regex; each kind of line end is looked up again
  // only once passed, so a file without CR searches for one once.
  let cr = text.indexOf("\r");
  let lf = text.indexOf("\n");
  while (start < text.length) {
    if (cr !== -1 && cr < start) cr = text.indexOf("\r", start);
    if (lf !== -1 && lf < start) lf = text.indexOf("\n", start);
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      const next = lf === cr + 1 ? cr + 2 : cr + 1;
      visit(line++, start, cr, next);
      start = next;
    } else if (lf !== -1) {
      visit(line++, start, lf, lf + 1);
      start = lf + 1;
    } else {
      visit(line, start, text.length, text.length);
      return;
    }
  }
}

export function splitLines(text: string, firstLine = 1): TextLine[] {
  const lines: TextLine[] = [];
  forEachLine(text, (line, start, end, next) => lines.push({ line, start, text: text.slice(start, end), eol: lineEnd(text, end, next) }), firstLine);
  return lines;
}

/** The line end between `end` and `next`, as a constant rather than a new string. */
function lineEnd(text: string, end: number, next: number): LineEnd {
  if (next - end === 2) return "\r\n";
  if (next === end) return "";
  return text.charCodeAt(end) === 13 ? "\r" : "\n";
}
