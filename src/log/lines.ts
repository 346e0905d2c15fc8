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

const LINE_END = /\r\n|\n|\r/g;

export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  LINE_END.lastIndex = 0;
  for (let match = LINE_END.exec(text); match !== null; match = LINE_END.exec(text)) {
    lines.push({ line: lines.length + 1, start, text: text.slice(start, match.index), eol: match[0] as LineEnd });
    start = match.index + match[0].length;
  }
  // A text that ends with a line end has no empty last line: Notepad shows none either.
  if (start < text.length) lines.push({ line: lines.length + 1, start, text: text.slice(start), eol: "" });
  return lines;
}

/** Offset just past the line, its line end included. */
export function lineEndOffset(line: TextLine): number {
  return line.start + line.text.length + line.eol.length;
}
