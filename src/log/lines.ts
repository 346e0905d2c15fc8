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

export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  // indexOf is much faster than a line-end regex; the next CR is looked up only once passed.
  let nextCr = text.indexOf("\r");
  while (start < text.length) {
    if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf("\r", start);
    const nextLf = text.indexOf("\n", start);
    let end: number;
    let eol: LineEnd;
    if (nextCr !== -1 && (nextLf === -1 || nextCr < nextLf)) {
      end = nextCr;
      eol = nextLf === nextCr + 1 ? "\r\n" : "\r";
    } else if (nextLf !== -1) {
      end = nextLf;
      eol = "\n";
    } else {
      // A text that ends with a line end has no empty last line: Notepad shows none either.
      lines.push({ line: lines.length + 1, start, text: text.slice(start), eol: "" });
      break;
    }
    lines.push({ line: lines.length + 1, start, text: text.slice(start, end), eol });
    start = end + eol.length;
  }
  return lines;
}

/** Offset just past the line, its line end included. */
export function lineEndOffset(line: TextLine): number {
  return line.start + line.text.length + line.eol.length;
}
