// Is a line the author's own writing rather than program output or code? Blocks end at prose.

// A word of prose: `Looking`, `it's`, `API`; not `camelCase` or `snake_case` identifiers.
const WORD = /^["'“‘(]*(?:[A-Za-z][a-z'’-]*|[A-Z]+)[.,;:?!)"'”’]*$/;
const ALIGNED = /\S {3,}\S/;
const INDENTED = /^(?:\t| {2,})/;
const URL_START = /^(?:https?|ftp):\/\//i;

/** A line mostly in Chinese (or another CJK script): the author writing, not a program. */
export function isCjkProse(text: string): boolean {
  const { cjk, visible } = countCjk(text);
  return cjk >= 2 && cjk / visible >= 0.25;
}

/**
 * CJK ideographs (U+3400–4DBF, U+4E00–9FFF, U+F900–FAFF) and characters other than white
 * space, counted in one pass without making strings: every body line is asked.
 */
function countCjk(text: string): { cjk: number; visible: number } {
  let cjk = 0;
  let visible = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isCjk(code)) cjk++;
    if (!isSpace(code)) visible++;
  }
  return { cjk, visible };
}

/** Any CJK ideograph at all. */
export function hasCjk(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (isCjk(text.charCodeAt(index))) return true;
  return false;
}

/** A UTF-16 code unit of a CJK ideograph (the ranges the prose and header rules count). */
export function isCjk(code: number): boolean {
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** Empty or only white space; asked of every body line, so without making a trimmed copy. */
export function isBlank(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (!isSpace(text.charCodeAt(index))) return false;
  return true;
}

/** A UTF-16 code unit that `\s` matches. */
export function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * A Chinese sentence of the author's, as opposed to a program's short localized message
 * (`段错误`, `口令：`): six or more characters, or ending like a sentence.
 */
export function isCjkSentence(text: string): boolean {
  const { cjk, visible } = countCjk(text);
  if (cjk < 2) return false;
  return /[。？！]$/.test(text.trimEnd()) || (cjk >= 6 && cjk / visible >= 0.25);
}

export function isProse(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "") return false;
  if (URL_START.test(trimmed)) return true;
  if (isCjkProse(trimmed)) return true;
  if (INDENTED.test(text)) return false; // continuation lines of code, output, call graphs
  if (ALIGNED.test(trimmed)) return false; // columns of a table or of aligned output
  const tokens = trimmed.split(/\s+/);
  // `Loading repository data...`, `Resetting device... done.`: a program's progress report.
  if (tokens.length < 6 && /\.\.\.|…/.test(trimmed)) return false;
  const words = tokens.filter((token) => WORD.test(token)).length;
  if (tokens.length >= 5 && words / tokens.length >= 0.7) return true;
  return tokens.length >= 2 && words === tokens.length && /[.?!]$/.test(trimmed);
}
