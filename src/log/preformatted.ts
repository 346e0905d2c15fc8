// Preformatted text that is not a transcript: C code, call graphs drawn with `->`, pasted
// backtraces, aligned tables and patches. Its whitespace is exact and it is shown as code.

import { CALL, extend, INDENTED, type ScanLine } from "./block-lines.ts";
import { isProse } from "./prose.ts";

export interface PreformattedScan {
  end: number; // index of the last line
  lang: string; // `c`, `diff`, `text`
}

const CODE_LABEL = /^[A-Za-z_]\w*_\w*(?:\(\))?\s*:/;
const PREPROCESSOR = /^\s*#\s*(?:include|define|undef|if|ifdef|ifndef|else|elif|endif|pragma)\b/;
const C_END = /[;{}]\s*(?:\/\/.*|\/\*.*\*\/)?$/;
// A backtrace pasted without its `(gdb) where`: `#3  0x00007f… in main (argc=1, …`.
const BACKTRACE = /^#\d+\s+(?:0x[0-9a-f]+ in )?[\w:~<>.]+ \(/;
// Columns aligned with runs of spaces: tables and call graphs drawn as a grid.
const ALIGNED = /\S {3,}\S.* {3,}\S/;
// `char * strcpy(d, s)` above its body: a C function head.
const SIGNATURE = /^[A-Za-z_][\w \t*]*\b[A-Za-z_]\w*\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$/;
const CLOSES_PAREN = /\)\s*$/;
const BULLET = /^[-*•+] /;
// A patch: `diff --git a/… b/…`, `--- a/…` over `+++ b/…`, or a bare hunk.
const DIFF_START = /^(?:diff --git \S|@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@)/;
const DIFF_FILES = /^--- \S/;
const DIFF_LINE = /^(?:[ +\-\\]|@@ |diff |index |Index: |={5,}$|new file mode|deleted file mode|similarity index|rename (?:from|to) |Binary files )/;
const ALIGNED_ONCE = /\S {3,}\S/;
// Past this length a line is data, not code: the shape tests below only look at short lines
// (and stay linear on a 5 MB line).
const LONG_LINE = 2000;
const CODE_CHAR = /[(){};=<>*&|#[\]_]|->/;

export function scanPreformatted(scans: ScanLine[], index: number): PreformattedScan | null {
  const scan = scans[index]!;
  if (scan.text.length > LONG_LINE) return null;
  const next = scans[index + 1];
  if (!scan.marked && (DIFF_START.test(scan.text) || (DIFF_FILES.test(scan.text) && /^\+\+\+ \S/.test(next?.text ?? "")))) {
    let end = index;
    while (end + 1 < scans.length && scans[end + 1]!.text !== "" && DIFF_LINE.test(scans[end + 1]!.text) && !scans[end + 1]!.marked) end++;
    return { end, lang: "diff" };
  }
  // A signature ends in `)`: tested first, the costly pattern runs on few lines.
  const head =
    CLOSES_PAREN.test(scan.text) && SIGNATURE.test(scan.text) && next !== undefined && (next.text.trim().startsWith("{") || startsCode(next.text));
  if (!scan.marked && (head || startsCode(scan.text))) {
    const end = extend(scans, index, (next) => continuesCode(next.text));
    const lines = scans.slice(index, end + 1).filter((line) => line.text.trim() !== "");
    if (lines.length < 2) return null;
    const lang = lines.some((line) => PREPROCESSOR.test(line.text) || C_END.test(line.text.trimEnd())) ? "c" : "text";
    return { end, lang };
  }
  return null;
}

function startsCode(text: string): boolean {
  if (text.length > LONG_LINE) return false;
  // The shape first, cheap and rarely met; then whether it reads as prose after all.
  return hasCodeShape(text) && !isProse(text.trim());
}

function hasCodeShape(text: string): boolean {
  if (INDENTED.test(text)) return CODE_CHAR.test(text); // an indented line of words is a quote or an address
  if (CALL.test(text) || PREPROCESSOR.test(text) || BACKTRACE.test(text) || ALIGNED.test(text)) return true;
  return C_END.test(text.trimEnd()) && !BULLET.test(text);
}

function continuesCode(text: string): boolean {
  if (text.length > LONG_LINE) return INDENTED.test(text);
  return INDENTED.test(text) || startsCode(text) || CODE_LABEL.test(text) || ALIGNED_ONCE.test(text);
}
