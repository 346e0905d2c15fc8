// Literal blocks in an entry's body: transcripts (transcript.ts), config files, scripts and
// preformatted text (code, call graphs). Each keeps its exact text; what is not a block stays
// text for the outline.

import { matchMarker } from "./outline.ts";
import { matchPrompt } from "./prompts.ts";
import { isProse } from "./prose.ts";
import { isAuthorLine, isBarePrompt, scanTranscript, type ScanLine } from "./transcript.ts";
import type { Block, SourceLine } from "./types.ts";

const SECTION = /^\[[^\][\s][^\]]*\]\s*$/;
const KEY_VALUE = /^\s*[\w.-]+(?:\s+"[^"]*")?\s*=/;
const CONFIG_COMMENT = /^\s*[#;]/;
const SHEBANG = /^#!\s*(\S+)(?:\s+(\S+))?/;
const INDENTED = /^(?:\t| {2,})\S/;
const CALL = /^[A-Za-z_][\w.]*(?:\(\))?\s*->/;
const CODE_LABEL = /^[A-Za-z_]\w*_\w*(?:\(\))?\s*:/;
const PREPROCESSOR = /^\s*#\s*(?:include|define|undef|if|ifdef|ifndef|else|elif|endif|pragma)\b/;
const C_END = /[;{}]\s*(?:\/\/.*|\/\*.*\*\/)?$/;
// A backtrace pasted without its `(gdb) where`: `#3  0x00007f… in main (argc=1, …`.
const BACKTRACE = /^#\d+\s+(?:0x[0-9a-f]+ in )?[\w:~<>.]+ \(/;
// Columns aligned with runs of spaces: tables and call graphs drawn as a grid.
const ALIGNED = /\S {3,}\S.* {3,}\S/;
// `char * strcpy(d, s)` above its body: a C function head.
const SIGNATURE = /^[A-Za-z_][\w \t*]*\b[A-Za-z_]\w*\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$/;
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

export function findBlocks(lines: SourceLine[]): Block[] {
  const scans = lines.map(toScanLine);
  const blocks: Block[] = [];
  for (let index = 0; index < scans.length; ) {
    const block = blockAt(scans, index);
    if (block) {
      blocks.push(block.block);
      index = block.end + 1;
    } else {
      index++;
    }
  }
  return blocks;
}

function toScanLine({ line, text }: SourceLine): ScanLine {
  const marker = matchMarker(text);
  const column = marker ? marker.marker.length : 0;
  return { line, text, content: text.slice(column), column, marked: marker !== null };
}

function blockAt(scans: ScanLine[], index: number): { block: Block; end: number } | null {
  const scan = scans[index]!;
  if (scan.content.trim() === "") return null;
  const prompt = matchPrompt(scan.content) ?? (isBarePrompt(scans, index) ? matchPrompt(scan.content, { bare: true }) : null);
  if (prompt) {
    const { end, steps } = scanTranscript(scans, index, prompt);
    return { end, block: makeBlock(scans, index, end, prompt.kind, prompt.lang, prompt.style, steps) };
  }
  const shebang = SHEBANG.exec(scan.content);
  if (shebang) {
    const end = extend(scans, index, (next) => !matchPrompt(next.content));
    return { end, block: makeBlock(scans, index, end, "script", scriptLang(shebang), null, null) };
  }
  if (SECTION.test(scan.content) && KEY_VALUE.test(scans[index + 1]?.text ?? "")) {
    const end = extend(scans, index, (next) => SECTION.test(next.text) || KEY_VALUE.test(next.text) || CONFIG_COMMENT.test(next.text));
    return { end, block: makeBlock(scans, index, end, "config", "ini", null, null) };
  }
  if (scan.text.length > LONG_LINE) return null;
  const next = scans[index + 1];
  if (!scan.marked && (DIFF_START.test(scan.text) || (DIFF_FILES.test(scan.text) && /^\+\+\+ \S/.test(next?.text ?? "")))) {
    let end = index;
    while (end + 1 < scans.length && scans[end + 1]!.text !== "" && DIFF_LINE.test(scans[end + 1]!.text) && !scans[end + 1]!.marked) end++;
    return { end, block: makeBlock(scans, index, end, "preformatted", "diff", null, null) };
  }
  const head = SIGNATURE.test(scan.text) && next !== undefined && (next.text.trim().startsWith("{") || startsCode(next.text));
  if (!scan.marked && (head || startsCode(scan.text))) {
    const end = extend(scans, index, (next) => continuesCode(next.text));
    const lines = scans.slice(index, end + 1).filter((line) => line.text.trim() !== "");
    if (lines.length < 2) return null;
    const lang = lines.some((line) => PREPROCESSOR.test(line.text) || C_END.test(line.text.trimEnd())) ? "c" : "text";
    return { end, block: makeBlock(scans, index, end, "preformatted", lang, null, null) };
  }
  return null;
}

/**
 * The last index of a block that starts at `start` and goes on while `belongs` holds, across
 * blank lines when the next non-blank line belongs too; an outline marker, an author's stamp
 * or prose ends it.
 */
function extend(scans: ScanLine[], start: number, belongs: (scan: ScanLine) => boolean): number {
  let end = start;
  for (let index = start + 1; index < scans.length; index++) {
    const scan = scans[index]!;
    if (scan.text.trim() === "") continue;
    if (isAuthorLine(scan) || !belongs(scan)) break;
    if (!INDENTED.test(scan.text) && !CALL.test(scan.text) && isProse(scan.text)) break;
    end = index;
  }
  return end;
}

function startsCode(text: string): boolean {
  if (text.length > LONG_LINE || text.trim() === "" || isProse(text.trim())) return false;
  if (INDENTED.test(text)) return CODE_CHAR.test(text); // an indented line of words is a quote or an address
  if (CALL.test(text) || PREPROCESSOR.test(text) || BACKTRACE.test(text) || ALIGNED.test(text)) return true;
  return C_END.test(text.trimEnd()) && !BULLET.test(text);
}

function continuesCode(text: string): boolean {
  if (text.length > LONG_LINE) return INDENTED.test(text);
  return INDENTED.test(text) || startsCode(text) || CODE_LABEL.test(text) || ALIGNED_ONCE.test(text);
}

function scriptLang(shebang: RegExpExecArray): string {
  const program = shebang[1]!.split("/").at(-1)!;
  const interpreter = program === "env" ? (shebang[2] ?? "") : program;
  if (/^(?:ba|z|k|da)?sh$/.test(interpreter)) return "bash";
  if (/^python/.test(interpreter)) return "python";
  if (/^perl/.test(interpreter)) return "perl";
  if (/^ruby/.test(interpreter)) return "ruby";
  if (/^node/.test(interpreter)) return "javascript";
  return "text";
}

function makeBlock(
  scans: ScanLine[],
  start: number,
  end: number,
  kind: Block["kind"],
  lang: string,
  promptStyle: string | null,
  steps: Block["steps"],
): Block {
  const first = scans[start]!;
  const text = [first.content, ...scans.slice(start + 1, end + 1).map((scan) => scan.text)].join("\n");
  return { kind, lang, promptStyle, line: first.line, endLine: scans[end]!.line, column: first.column, text, steps };
}
