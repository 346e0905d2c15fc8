// Literal blocks in an entry's body: transcripts (transcript.ts), scripts, config files and
// preformatted text (preformatted.ts). Each keeps its exact text; what is not a block stays
// text for the outline.

import { extend, isLaidOut, joinLines, toScanLine, type ScanLine } from "./block-lines.ts";
import { scanPreformatted } from "./preformatted.ts";
import { matchPrompt } from "./prompts.ts";
import { isBlank } from "./prose.ts";
import { isBarePrompt, scanTranscript } from "./transcript.ts";
import type { Block, SourceLine } from "./types.ts";

const SECTION = /^\[[^\][\s][^\]]*\]\s*$/;
const KEY_VALUE = /^\s*[\w.-]+(?:\s+"[^"]*")?\s*=/;
const CONFIG_COMMENT = /^\s*[#;]/;
const SHEBANG = /^#!\s*(\S+)(?:\s+(\S+))?/;
// A script's comments (`# build the kernel`) and wordy commands (`for file in *.txt; do`) read
// like prose; a comment mark, a shell operator or a block keyword says they are script.
const SCRIPT_LINE = /^\s*(?:#|\/\/)|[$=;|&{}`\\]|^\s*(?:do|done|then|fi|else|elif|esac|end)\b/;

/** `body`, when given, is the text the lines were cut from (RawEntry.body): blocks slice it. */
export function findBlocks(lines: SourceLine[], body?: string): Block[] {
  const scans = lines.map(toScanLine);
  const blocks: Block[] = [];
  for (let index = 0; index < scans.length; ) {
    const block = blockAt(scans, index, body);
    if (block) {
      blocks.push(block.block);
      index = block.end + 1;
    } else {
      index++;
    }
  }
  return blocks;
}

function blockAt(scans: ScanLine[], index: number, body: string | undefined): { block: Block; end: number } | null {
  const scan = scans[index]!;
  if (isBlank(scan.content)) return null;
  const prompt = matchPrompt(scan.content) ?? (isBarePrompt(scans, index) ? matchPrompt(scan.content, { bare: true }) : null);
  if (prompt) {
    const { end, steps } = scanTranscript(scans, index, prompt, body);
    return { end, block: makeBlock(scans, index, end, body, prompt.kind, prompt.lang, prompt.style, steps) };
  }
  if (!mayOpenBlock(scan)) return null;
  const shebang = SHEBANG.exec(scan.content);
  if (shebang) {
    const end = extend(scans, index, (next) => !matchPrompt(next.content), (next) => isLaidOut(next) || SCRIPT_LINE.test(next.text));
    return { end, block: makeBlock(scans, index, end, body, "script", scriptLang(shebang), null, null) };
  }
  if (SECTION.test(scan.content) && KEY_VALUE.test(scans[index + 1]?.text ?? "")) {
    const end = extend(scans, index, (next) => SECTION.test(next.text) || KEY_VALUE.test(next.text) || CONFIG_COMMENT.test(next.text));
    return { end, block: makeBlock(scans, index, end, body, "config", "ini", null, null) };
  }
  const preformatted = scanPreformatted(scans, index);
  if (preformatted) {
    const { end, lang } = preformatted;
    return { end, block: makeBlock(scans, index, end, body, "preformatted", lang, null, null) };
  }
  return null;
}

// The characters the other block openings need (see mayOpenBlock).
const HASH = 0x23;
const BRACKET = 0x5b;
const SPACE = 0x20;
const TAB = 0x09;
const AT = 0x40;
const MINUS = 0x2d;
const LOWER_D = 0x64;
const CODE_END = /[;{}]|\)\s*$/;

/**
 * Whether a line that is not a prompt could open a script, config or preformatted block: `#!`
 * and `[section]` open on the text after a marker; diffs, code, call graphs and tables only on
 * unmarked lines, which then start with white space, `#`, `diff`, `@@` or `---`, or hold `->`,
 * a run of three spaces, a `;` `{` `}`, or end in `)`. Most lines are prose and fail this before a
 * dozen patterns are tried on them.
 */
function mayOpenBlock(scan: ScanLine): boolean {
  const first = scan.content.charCodeAt(0);
  if (first === HASH || first === BRACKET) return true;
  if (scan.marked) return false;
  const lead = scan.text.charCodeAt(0);
  if (lead === SPACE || lead === TAB || lead === HASH || lead === LOWER_D || lead === AT || lead === MINUS) return true;
  return scan.text.includes("->") || scan.text.includes("   ") || CODE_END.test(scan.text);
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
  body: string | undefined,
  kind: Block["kind"],
  lang: string,
  promptStyle: string | null,
  steps: Block["steps"],
): Block {
  const first = scans[start]!;
  const text = joinLines(scans, start, end, body, first.column);
  return { kind, lang, promptStyle, line: first.line, endLine: scans[end]!.line, column: first.column, text, steps };
}
