// The header line → title, tags and series, by the rule of docs/headers.md (which extends
// log-format.md's "How dotlog reads a header"). Tags come out as written; folding is the
// timeline's job.

import { foldKey } from "./ids.ts";
import { STAMP_TEXT } from "./inline-stamp.ts";
import { hasNoLetter, isCodeLine, isOnlyDate, looksLikeCode, refusal, splitMark } from "./header-shapes.ts";
import { matchMarker } from "./outline.ts";
import { matchPrompt } from "./prompts.ts";
import { hasCjk, isCjk, isSpace } from "./prose.ts";
import type { Entry, Header, HeaderFlag, RefusedElement, RefusedReason, Series, SourceLine } from "./types.ts";

export interface HeaderFields {
  header: Header | null;
  title: string;
  tags: string[];
  series: Series | null;
  /** The text of each `<TODO>…</TODO>` in the header: TODOs of the entry's (parse-entry.ts). */
  todos: string[];
}

const CONT = /^cont\s*(\d+)$/i;
const CONTINUED = /[（(]续[）)]$/;
const URL_START = /^(?:https?|ftp):\/\//i;
const TITLE_LENGTH = 60;
const SENTENCE = /[。！？]/;
const SEPARATOR = /[,;，；]/;
/** Rule 3's colon: `regular meeting: US / China Virtualization Sync` is a title, however long. */
const TITLE_COLON = /: |：(?!$)/;
// A stamp alone on a line, in brackets (`(14:57 2012-04-12)`: when the entry was written) or
// quotes (`"16:40 2013-01-23"end`, a reference): never a header, never a title.
const STAMP_LINE = new RegExp(`^\\s*(?:[(（]\\s*${STAMP_TEXT}\\s*[)）]|"\\s*${STAMP_TEXT}\\s*"(?:end)?)\\s*$`, "u");
// `====` or `----` under the stamp is decoration: the header is the line after it.
const UNDERLINE = /^\s*(?:={3,}|-{3,})\s*$/;
// A `\TODO` written into a header, or a 2007-style `TODO:` line, is a TODO (todos.ts): neither
// spelling becomes a tag.
const TODO_IN_HEADER = /\\TODO\b/i;
const LINE_TODO = /^TODO:/;
/** A line that only labels the TODO on the next line: not a title. */
const TODO_LABEL = /^\\?TODO:?$/i;
const TODO_OPEN = "<todo>";
const TODO_CLOSE = "</todo>";
const TODO_TEXT = /^<TODO>([\s\S]*?)(?:<\/TODO>)?$/i;
// A label's colon (`待做：`, `TODO:`) and a sentence's full stop (`read remote relative code.`)
// end an element without being part of the tag: `待做：` and `待做` are one tag, spelled
// without them. The title keeps the element as written. (Folding them in foldKey instead
// would still show the punctuated spelling whenever it happened to be the more frequent.)
const TAG_END_PUNCTUATION = /(?<=\S)[:：.。]+$/u;
/** More words than this in one element: a paragraph, not a header. */
const LONG_ELEMENT = 16;

/** Refusals that say the line is something else (code, a path, …), weighed against its good elements. */
const FOREIGN: ReadonlySet<RefusedReason> = new Set(["code", "path", "url", "email", "quote", "stamp"]);
/** Refused elements that can still name the entry when no other element does (`link git to /system/bin`). */
const TITLEABLE: ReadonlySet<RefusedReason> = new Set(["path", "url", "email", "quote"]);

/**
 * The first non-blank line, when it can be a header: not an outline item, a prompt, a URL or
 * code. A stamp alone before it, `(14:57 2012-04-12)`, and an underline are passed over.
 */
export function findHeaderLine(lines: SourceLine[]): SourceLine | null {
  const first = lines.find(isHeaderCandidate);
  if (!first) return null;
  const text = first.text.trim();
  if (matchMarker(first.text) || matchPrompt(first.text) || URL_START.test(text) || isCodeLine(first.text)) return null;
  return first;
}

export function readHeader(lines: SourceLine[], stampText: string): HeaderFields {
  const line = findHeaderLine(lines);
  const read = line && readLine(line);
  if (!line || !read) return { header: null, title: untitled(lines, stampText, null), tags: [], series: null, todos: [] };

  const { elements, series, refused, flags, good, todos } = read;
  const header: Header = { line: line.line, text: line.text, elements };
  if (refused.length > 0) header.refused = refused;
  if (flags.length > 0) header.flags = flags;

  let title: string | null = null;
  let tags: string[] = [];
  if (good.length === 1 && read.named === 1) {
    // Rule 6: one element (besides marks and TODOs) is a tag and the title when it is one
    // word, only the title otherwise.
    const only = good[0]!;
    // A model number (`8064`) is a tag, never a title.
    title = hasNoLetter(only.title) ? null : only.title;
    if (!only.isTitle && words(only.tag) === 1) tags = [only.tag];
  } else if (good.length > 0) {
    let titleElement: Good | null = null;
    const tagged: string[] = [];
    for (const element of good) {
      if (element.isTitle) titleElement = element;
      else tagged.push(element.tag);
    }
    title = titleElement?.title ?? lastNamingElement(read);
    tags = uniqueFolded(tagged);
  }
  // A header of marks and TODOs only (`***`, `<TODO>…</TODO>`) names nothing: the text below does.
  title ??= untitled(lines, stampText, line.line);
  for (const flag of flags) if (flag.tag !== null) flag.tag = spellingAmong(tags, flag.tag);
  return { header, title, tags, series, todos };
}

/**
 * Every element of an entry's first line (the line the header rule looks at), split as rule 1
 * splits, marks off, spelled as tags — whether or not the rule read the line as a header or an
 * element as a tag. The privacy step excludes by these too: a `private` written in a line the
 * rule reads as a sentence, or beside code, must still keep the entry home.
 */
export function firstLineElements(entry: Pick<Entry, "raw" | "stampText">): string[] {
  const raw = entry.raw;
  let start = 0;
  // Past the stamp line and its underline, if any.
  for (let skip = entry.stampText.split("\n").length; skip > 0 && start < raw.length; skip--) start = nextLine(raw, start);
  while (start < raw.length) {
    const end = lineEnd(raw, start);
    const line = { line: 0, text: raw.slice(start, end) };
    if (isHeaderCandidate(line)) {
      const elements: string[] = [];
      for (const part of splitElements(line.text)) {
        const text = splitMark(part).text.trim();
        if (text !== "") elements.push(tagSpelling(text));
      }
      return elements;
    }
    start = nextLine(raw, start);
  }
  return [];
}

function lineEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x0d) return index;
  }
  return text.length;
}

function nextLine(text: string, from: number): number {
  const end = lineEnd(text, from);
  return text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
}

/** An element that may be a tag or the title: its title (as written, without a mark) and its tag spelling. */
interface Good {
  index: number;
  title: string;
  tag: string;
  /** Rule 3: a title element, not a tag. */
  isTitle: boolean;
}

interface LineReading {
  elements: string[];
  series: Series | null;
  refused: RefusedElement[];
  flags: HeaderFlag[];
  good: Good[];
  todos: string[];
  /** Elements other than bare marks and TODOs. */
  named: number;
}

/** The line's elements, each read; null when the line is not a header (prose, or mostly not tags). */
function readLine(line: SourceLine): LineReading | null {
  // A 2007-style `TODO:` line is a TODO (todos.ts) over the lines below it, not a header.
  if (LINE_TODO.test(line.text)) return null;
  // A `\TODO` in a header runs to the end of the line: one element, whatever its commas.
  const todoAt = line.text.includes("\\") ? line.text.search(TODO_IN_HEADER) : -1;
  const text = todoAt < 0 ? line.text : line.text.slice(0, todoAt);
  // A sentence (the 2007 logs often open with one) is body text; the title comes from it.
  if (isSentence(text)) return null;
  const parts = splitElements(text);
  if (parts.length === 0) return null;
  if (todoAt >= 0) parts.push(line.text.slice(todoAt).trim());
  const { elements, series } = withSeries(parts);
  const reading: LineReading = { elements, series, refused: [], flags: [], good: [], todos: [], named: 0 };
  let foreign = 0;
  for (let index = 0; index < elements.length; index++) {
    const { text: unmarked, mark } = splitMark(elements[index]!);
    const element = unmarked.trim();
    if (element === "") {
      if (mark !== null) reading.flags.push({ index, mark, tag: null });
      continue;
    }
    const reason = refusal(element);
    // A TODO's text is the author's sentence, however long: the rest says whether this is a header.
    const count = reason === "todo" ? 0 : words(element);
    if (reason !== "todo") {
      if (isParagraph(element, count, index, elements.length)) return null;
      reading.named++;
    }
    if (reason === null) {
      const tag = tagSpelling(element);
      reading.good.push({ index, title: element, tag, isTitle: isTitleElement(element, count) });
      if (mark !== null) reading.flags.push({ index, mark, tag });
      continue;
    }
    reading.refused.push({ index, reason });
    // `<TODO>…</TODO>` is read here; a `\TODO` is found with the others (todos.ts).
    const markup = reason === "todo" ? TODO_TEXT.exec(element) : null;
    if (markup) reading.todos.push(markup[1]!.trim());
    if (FOREIGN.has(reason)) foreign++;
  }
  // A header names something, or carries the author's marks; its elements are mostly tags.
  const good = reading.good.length;
  if (good === 0 && reading.flags.length === 0 && reading.todos.length === 0) return null;
  if (foreign > good) return null;
  return reading;
}

/**
 * Rule 1: split on `,` `;` `，` `；` outside brackets (`s3c2410_gpio_setpin(S3C2410_GPB0, 1)`
 * is one element) and outside `<TODO>…</TODO>`.
 */
function splitElements(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x3c && text.slice(index, index + TODO_OPEN.length).toLowerCase() === TODO_OPEN) {
      const close = text.toLowerCase().indexOf(TODO_CLOSE, index);
      index = close < 0 ? text.length : close + TODO_CLOSE.length - 1;
    } else if (code === 0x28 || code === 0x5b || code === 0x7b || code === 0xff08) depth++;
    else if (code === 0x29 || code === 0x5d || code === 0x7d || code === 0xff09) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (code === 0x2c || code === 0x3b || code === 0xff0c || code === 0xff1b)) {
      pushTrimmed(parts, text.slice(start, index));
      start = index + 1;
    }
  }
  pushTrimmed(parts, text.slice(start));
  return parts;
}

function pushTrimmed(parts: string[], part: string): void {
  const trimmed = part.trim();
  if (trimmed !== "") parts.push(trimmed);
}

/** Rule 2: `contN` and a `（续）` suffix mark a series and are dropped. */
function withSeries(parts: string[]): { elements: string[]; series: Series | null } {
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
  return { elements, series };
}

/**
 * An element (of `count` words, at `index` of `elements`) that makes the line a sentence, not a
 * path into a topic: too long to be a tag or a title, or the long first part of a sentence whose
 * commas the split took for separators (`把两跳…改为10(TH_LDAA_TO)，一跳时间仍是5(OH_LDAA_TO)`: a
 * header goes from general to specific, so it opens with a long element only when that is a
 * `: ` title).
 */
function isParagraph(element: string, count: number, index: number, elements: number): boolean {
  if (count > LONG_ELEMENT) return true;
  return index === 0 && elements > 1 && count > 4 && !TITLE_COLON.test(element);
}

/** Rule 4's fallback: the last element that is good, or refused but still a name, and has a letter. */
function lastNamingElement(read: LineReading): string | null {
  // `good` and `refused` are in element order: walk both back from their ends.
  let good = read.good.length - 1;
  let refused = read.refused.length - 1;
  for (let index = read.elements.length - 1; index >= 0; index--) {
    if (good >= 0 && read.good[good]!.index === index) {
      const { title } = read.good[good--]!;
      if (!hasNoLetter(title)) return title;
    } else if (refused >= 0 && read.refused[refused]!.index === index) {
      const { reason } = read.refused[refused--]!;
      const text = splitMark(read.elements[index]!).text.trim();
      if (TITLEABLE.has(reason) && !hasNoLetter(text)) return text;
    }
  }
  return null;
}

// Named functions rather than arrows made per header: run through tsx, each arrow made costs a
// name for every entry of a large log.
function isHeaderCandidate(line: SourceLine): boolean {
  return line.text.trim() !== "" && !STAMP_LINE.test(line.text) && !UNDERLINE.test(line.text);
}

/** Rule 3; a `：` at the very end is a label's colon (`待做：`), not a title's. */
function isTitleElement(element: string, count: number): boolean {
  return count > 4 || TITLE_COLON.test(element);
}

/** The spelling of a tag: without a label's colon or a full stop at its end. */
export function tagSpelling(element: string): string {
  return element.replace(TAG_END_PUNCTUATION, "");
}

function isSentence(text: string): boolean {
  if (SENTENCE.test(text)) return true;
  if (!hasCjk(text)) return false;
  const trimmed = text.trim();
  // Chinese written with ASCII full stops: `不太容易拆mk802上面的flash.`
  if (/\.(?:\s|$)/.test(trimmed)) return true;
  // A Chinese line of several parts ending in a colon leads into the lines below it
  // (`C99宏风格修改完成，错误如下：`): a sentence, not a list of tags.
  return /[：:]$/.test(trimmed) && SEPARATOR.test(trimmed);
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

/** The spelling `tags` has for `tag` (a header may repeat a tag in another case), or null. */
function spellingAmong(tags: string[], tag: string): string | null {
  const key = foldKey(tag);
  for (const candidate of tags) if (foldKey(candidate) === key) return candidate;
  return null;
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

/**
 * Rule 7, no header: the first line a reader takes for words — its outline marker and any
 * prompt removed; not a stamp, a `TODO:` label, code, a line without a letter (`30`, `====`),
 * or a one-word lead into code (`改为` above a changed line) — cut at 60 characters on a word
 * boundary; with none, the stamp. `skip` is a header line that named nothing.
 */
function untitled(lines: SourceLine[], stampText: string, skip: number | null): string {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.line === skip || STAMP_LINE.test(line.text)) continue;
    const text = ownWords(line.text);
    if (words(text) === 1 && leadsIntoCode(lines, index)) continue;
    const title = titleFromLine(text);
    if (title !== null) return title;
  }
  return stampText.split("\n")[0]!.trim();
}

/**
 * A line of text (marker and prompt already removed) as rule 7 titles it, cut; null when a
 * reader would not take it for words: empty, a `TODO:` label, a date, code, or without a letter.
 */
export function titleFromLine(text: string): string | null {
  if (text === "" || hasNoLetter(text) || TODO_LABEL.test(text) || isOnlyDate(text) || looksLikeCode(text)) return null;
  const title = cutTitle(text);
  if (!hasNoLetter(title)) return title;
  // Cut on a word boundary, a long line can keep only a number or a stamp of its start.
  const hard = Array.from(text).slice(0, TITLE_LENGTH).join("").trimEnd();
  return hasNoLetter(hard) ? null : hard;
}

/** A line without its outline marker and prompt, trimmed. */
function ownWords(line: string): string {
  let text = line;
  const marker = matchMarker(text);
  if (marker) text = text.slice(marker.marker.length);
  const prompt = matchPrompt(text);
  if (prompt) text = text.slice(prompt.prompt.length);
  return text.trim();
}

/** The next line with text is code. */
function leadsIntoCode(lines: SourceLine[], index: number): boolean {
  for (let next = index + 1; next < lines.length; next++) {
    const text = lines[next]!.text;
    if (text.trim() !== "") return looksLikeCode(ownWords(text));
  }
  return false;
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
