// What a header element or a first line is shaped like, for the header rule (docs/headers.md):
// an element that is code, a path, a URL, an address, quoted text, a time or a date is not a
// tag, and a line that is code is not a header. Every header of a large log is asked, so each
// test is a regex made once, and most elements — words, names, versions — are let through by
// one pass over their characters before any regex runs.

import { hasCjk } from "./prose.ts";
import type { RefusedReason } from "./types.ts";

/** `***` or `+++` after an element (or as one): the author's mark of importance. */
const MARK = /\s*(?:\*{3,}|\+{3,})$/;
const TODO_MARKUP = /^(?:<TODO>[\s\S]*?(?:<\/TODO>)?|\\TODO\b[\s\S]*)$/i;
const URL = /[a-z][a-z\d+.-]*:\/\/|(?:^|[\s(])www\.\w/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
// A clock time, alone (`自9:52`) or in a stamp (`"08:27 2007-07-20"`); not `16:9` or `1:100`.
const TIME = /(?<!\d)\d{1,2}:\d{2}(?!\d)/;
const DATE =
  /\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号]?)?|(?<!\d)\d{1,2}\s*月\s*\d{1,2}(?:\s*[日号])?(?!\d)|(?<![\w.])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\w.])|^\d{1,2}\/\d{1,2}$|^\d{4}[-/]\d{1,2}$/;
const DATES = new RegExp(DATE.source, "g");
const QUOTE = /["“”]|(?:^|\s)'[^'\s][^']*'(?=\s|$)/;
// `/etc/xinetd.d/tftp`, `~/bin`, `C:\…`, `\\host\share`, `kernel/drivers/mtd`; not `qemu/kvm` or `US / China`.
const PATH = /(?:^|\s)(?:~|\.{1,2})?\/[\w.-]|^[a-z]:[\\/]|\\|[^\s/]*\/[^\s/]+\/[^\s/]*/i;
const PREPROCESSOR = /^#\s*(?:define|undef|include|if|ifdef|ifndef|elif|else|endif|pragma|error|warning)\b/;
// Operators (`a=b`, `x->y`, `i++)`, `*(start`), braces and shell variables; `C++` and `g++` are names.
const OPERATOR = /[=<>{}]|->|&&|\|\||::|\+\+[\w(]|\w\+\+[)\];,]|\*\(|\(\*|\w\s\*\w|\$[({\w]/;
// A call: `f()`, `f(a, b)`, `f("…")`, `snake_name(arg)`. A name glossed in brackets is not one:
// `SOM(system-on-module)`, `wenquanyi(文泉驿)`, `migration(domain suspend)`.
const CALL = /[A-Za-z_][\w.]*\((?:\s*|[^()]*[,"*&][^()]*)\)|[A-Za-z]\w*_\w*\(\s*[\w.]*\s*\)|[A-Za-z_]\w*\[[^\]]*\]/;
const WHOLE_CALL = new RegExp(`^(?:${CALL.source})\\s*;?$`);
// Letters, and symbols that stand for words: the redaction's mask `█████`, emoji.
const LETTER = /[\p{L}\p{So}]/u;
const MODEL_NUMBER = /^\d{3,}$/;

// A whole line is code when it is laid out like a listing, or ends or starts like a statement.
const LAID_OUT = /^(?:\t| {2,})\S|\S {3,}\S/;
const STATEMENT_END = /[)\]'"]\s*;$|[{}]$|^(?:return|break|continue|goto)\b.*;$|(?:\+\+|--);$/;
const STATEMENT_START = /^[{}]|^\/[/*]|^(?:if|for|while|switch|sizeof|return)\s*\(/;
const OWN_BRACKETS = /^(?:\d{1,3}|[A-Za-z])\)\s|[:;]-?[()]/g;
const LINE_OPERATOR = /[=<>{}]|->|&&|\|\||::/;
const URLS = /[a-z][a-z\d+.-]*:\/\/\S*/gi;

// An element of only letters, digits, spaces and `-_` is let through after one pass over it
// (most are: `virtualization`, `Cortex-A53`, `嵌入式`); anything else goes to the regexes.
const PLAIN = 1;
const ASCII_LETTER = 2;

function scan(text: string): number {
  let found = PLAIN;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) found |= ASCII_LETTER;
      else if (!((code >= 0x30 && code <= 0x39) || code === 0x20 || code === 0x2d || code === 0x5f)) return 0;
    } else if (code === 0x5e74 || code === 0x6708 || code === 0x201c || code === 0x201d || code === 0xff08 || code === 0xff09 || code === 0x3010 || code === 0x3011) {
      return 0; // 年 月 (dates), “ ” (quotes), （ ） 【 】 (brackets)
    }
  }
  return found;
}

/** Splits a trailing `***`/`+++` off an element: `待看***` → `待看` and `***`. */
export function splitMark(element: string): { text: string; mark: string | null } {
  const last = element.charCodeAt(element.length - 1);
  if (last !== 0x2a && last !== 0x2b) return { text: element, mark: null };
  const found = MARK.exec(element);
  if (!found) return { text: element, mark: null };
  return { text: element.slice(0, found.index), mark: found[0].trim() };
}

/** Why an element (its mark split off) is not a tag, or null when it may be one. */
export function refusal(element: string): RefusedReason | null {
  const plain = scan(element);
  if ((plain & ASCII_LETTER) !== 0) return null;
  if ((plain & PLAIN) !== 0 && LETTER.test(element)) return null;
  if (TODO_MARKUP.test(element)) return "todo";
  if (URL.test(element)) return "url";
  if (EMAIL.test(element)) return "email";
  if (TIME.test(element)) return "stamp";
  if (DATE.test(element)) return "date";
  if (!LETTER.test(element)) return MODEL_NUMBER.test(element) ? null : "number";
  if (QUOTE.test(element)) return "quote";
  if (PATH.test(element)) return "path";
  if (PREPROCESSOR.test(element) || !bracketsBalance(element) || OPERATOR.test(element) || CALL.test(element)) return "code";
  return null;
}

/** A date and nothing else that reads: `2009年9月16`, `9月16日`, `(2012-11-05)`. */
export function isOnlyDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  return !LETTER.test(text.replace(DATES, ""));
}

/**
 * A line that is code as a whole, whatever else it holds: laid out in columns or indented,
 * a preprocessor line, a statement's end or start, brackets that do not pair.
 */
export function isCodeLine(text: string): boolean {
  if (LAID_OUT.test(text)) return true;
  const trimmed = text.trim();
  if (PREPROCESSOR.test(trimmed) || STATEMENT_END.test(trimmed) || STATEMENT_START.test(trimmed)) return true;
  // `1) read the code` and `works :)` hold a bracket of their own, not code's.
  return !bracketsBalance(trimmed) && !bracketsBalance(trimmed.replace(OWN_BRACKETS, ""));
}

/**
 * A line a reader would not take for words: code; in a line without Chinese, a call alone
 * (`s3c2410_gpio_setpin(S3C2410_GPB0, 1)`) or operators outside URLs. (`1page=512Byte` in a
 * Chinese sentence is the author's note, not code.)
 */
export function looksLikeCode(text: string): boolean {
  if (isCodeLine(text)) return true;
  if (hasCjk(text)) return false;
  if (WHOLE_CALL.test(text)) return true;
  return LINE_OPERATOR.test(text) && LINE_OPERATOR.test(text.replace(URLS, ""));
}

/** No letter (or word symbol) at all: `30`, `====`, `-`, `1)`, `***`. */
export function hasNoLetter(text: string): boolean {
  return !LETTER.test(text);
}

/** Round, square, curly and full-width brackets pair up; one kind may close another (`(请…看看）`). */
function bracketsBalance(text: string): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x28 || code === 0x5b || code === 0x7b || code === 0xff08 || code === 0x3010) depth++;
    else if (code === 0x29 || code === 0x5d || code === 0x7d || code === 0xff09 || code === 0x3011) {
      if (--depth < 0) return false;
    }
  }
  return depth === 0;
}
