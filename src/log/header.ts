// The header line → title, tags and series, by the rule of log-format.md
// ("How dotlog reads a header"). Tags come out as written; folding is the timeline's job.

import { foldKey } from "./ids.ts";
import { STAMP_TEXT } from "./inline-stamp.ts";
import { matchMarker } from "./outline.ts";
import { matchPrompt } from "./prompts.ts";
import { isCjk, isSpace } from "./prose.ts";
import type { Header, Series, SourceLine } from "./types.ts";

export interface HeaderFields {
  header: Header | null;
  title: string;
  tags: string[];
  series: Series | null;
}

const SEPARATORS = /[,;，；]/;
const CONT = /^cont\s*(\d+)$/i;
const CONTINUED = /[（(]续[）)]$/;
const URL_START = /^(?:https?|ftp):\/\//i;
const TITLE_LENGTH = 60;
const SENTENCE = /[。！？]/;
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const BRACKETED_STAMP = new RegExp(`^\\s*[(（]\\s*${STAMP_TEXT}\\s*[)）]\\s*$`, "u");
// A `\TODO` written into a header, or a 2007-style `TODO:` line, is a TODO (todos.ts), not an
// element: neither spelling becomes a tag.
const TODO_IN_HEADER = /\\TODO\b.*$/i;
const LINE_TODO = /^TODO:.*$/;
// Indented lines and columns aligned with runs of spaces are code or output pasted first
// (`        FDPRINT2(FINFO, …`, `147         ldr     r0, =SMRDATA`), never a header.
const LAID_OUT = /^(?:\t| {2,})\S|\S {3,}\S/;
// A label's colon (`待做：`, `TODO:`) and a sentence's full stop (`read remote relative code.`)
// end an element without being part of the tag: `待做：` and `待做` are one tag, spelled
// without them. The title keeps the element as written. (Folding them in foldKey instead
// would still show the punctuated spelling whenever it happened to be the more frequent.)
const TAG_END_PUNCTUATION = /(?<=\S)[:：.。]+$/u;

/**
 * The first non-blank line, when it is a header: not an outline item, a prompt or a URL. A
 * bracketed stamp before it, `(14:57 2012-04-12)`, says when the entry was written and is
 * passed over.
 */
export function findHeaderLine(lines: SourceLine[]): SourceLine | null {
  const first = lines.find(isHeaderCandidate);
  if (!first) return null;
  const text = first.text.trim();
  if (matchMarker(first.text) || matchPrompt(first.text) || URL_START.test(text) || LAID_OUT.test(first.text)) return null;
  return first;
}

export function readHeader(lines: SourceLine[], stampText: string): HeaderFields {
  const line = findHeaderLine(lines);
  if (!line) return { header: null, title: untitled(lines, stampText), tags: [], series: null };

  const text = line.text.replace(TODO_IN_HEADER, "").replace(LINE_TODO, "");
  // A sentence (the 2007 logs often open with one) is a title, not a list to split.
  if (isSentence(text)) {
    return { header: { line: line.line, text: line.text, elements: [text.trim()] }, title: cutTitle(text.trim()), tags: [], series: null };
  }
  const parts = text.split(SEPARATORS).map(trimmed).filter(isNotEmpty);
  const elements: string[] = [];
  let series: Series | null = null;
  for (const part of parts) {
    const cont = CONT.exec(part);
    if (cont) {
      const name = elements.at(-1);
      if (name !== undefined) series ??= { name, part: Number(cont[1]) };
      continue;
    }
    if (CONTINUED.test(part)) {
      const name = part.replace(CONTINUED, "").trimEnd();
      if (name === "") continue;
      series ??= { name, part: null };
      elements.push(name);
      continue;
    }
    elements.push(part);
  }

  const header: Header = { line: line.line, text: line.text, elements };
  if (elements.length === 0) return { header, title: line.text.trim() || stampText.trim(), tags: [], series };
  if (elements.length === 1) {
    const only = elements[0]!;
    const oneWord = words(tagSpelling(only)) === 1 && !isTitleElement(only);
    return { header, title: only, tags: oneWord ? [tagSpelling(only)] : [], series };
  }
  const titleElements = elements.filter(isTitleElement);
  const title = titleElements.at(-1) ?? elements.at(-1)!;
  const tags = uniqueFolded(elements.filter(isTagElement).map(tagSpelling));
  return { header, title, tags, series };
}

// Named functions rather than arrows made per header: run through tsx, each arrow made costs a
// name for every entry of a large log.
function isHeaderCandidate(line: SourceLine): boolean {
  return line.text.trim() !== "" && !BRACKETED_STAMP.test(line.text);
}

function trimmed(part: string): string {
  return part.trim();
}

function isNotEmpty(part: string): boolean {
  return part !== "";
}

function isTagElement(element: string): boolean {
  return !isTitleElement(element);
}

/** Rule 3; a `：` at the very end is a label's colon (`待做：`), not a title's. */
function isTitleElement(element: string): boolean {
  return element.includes(": ") || /：(?!$)/.test(element) || words(element) > 4;
}

function tagSpelling(element: string): string {
  return element.replace(TAG_END_PUNCTUATION, "");
}

function isSentence(text: string): boolean {
  if (SENTENCE.test(text)) return true;
  CJK.lastIndex = 0;
  if (!CJK.test(text)) return false;
  const trimmed = text.trim();
  // Chinese written with ASCII full stops: `不太容易拆mk802上面的flash.`
  if (/\.(?:\s|$)/.test(trimmed)) return true;
  // A Chinese line of several parts ending in a colon leads into the lines below it
  // (`C99宏风格修改完成，错误如下：`): a sentence, not a list of tags.
  return /[：:]$/.test(trimmed) && SEPARATORS.test(trimmed);
}

/** Words of an element; Chinese is written without spaces, so two characters make a word. */
function words(text: string): number {
  // Per run of non-space characters: half its CJK characters, rounded up, plus one when it
  // holds anything else. Counted in one pass: every element of every header is asked.
  let count = 0;
  let cjk = 0;
  let other = false;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 0x20; // a space ends the last run
    if (isSpace(code)) {
      count += Math.ceil(cjk / 2) + (other ? 1 : 0);
      cjk = 0;
      other = false;
    } else if (isCjk(code)) cjk++;
    else other = true;
  }
  return count;
}

function uniqueFolded(tags: string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const tag of tags) {
    const key = foldKey(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(tag);
  }
  return unique;
}


/** No header: the first text line without its outline marker or prompt (a bracketed stamp is no text); else the stamp. */
function untitled(lines: SourceLine[], stampText: string): string {
  for (const line of lines) {
    if (BRACKETED_STAMP.test(line.text)) continue;
    let text = line.text;
    const marker = matchMarker(text);
    if (marker) text = text.slice(marker.marker.length);
    const prompt = matchPrompt(text);
    if (prompt) text = text.slice(prompt.prompt.length);
    text = text.trim();
    if (text !== "") return cutTitle(text);
  }
  return stampText.split("\n")[0]!.trim();
}

export function cutTitle(text: string): string {
  if (text.length <= TITLE_LENGTH) return text; // no more characters than code units
  const chars = Array.from(text);
  if (chars.length <= TITLE_LENGTH) return text;
  const head = chars.slice(0, TITLE_LENGTH).join("");
  const next = chars[TITLE_LENGTH]!;
  if (/\s/.test(next)) return head.trimEnd();
  const space = head.search(/\s\S*$/);
  return (space > 0 ? head.slice(0, space) : head).trimEnd();
}
