// Is a line the author's own writing rather than program output or code? Blocks end at prose.

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
// A word of prose: `Looking`, `it's`, `API`; not `camelCase` or `snake_case` identifiers.
const WORD = /^["'“‘(]*(?:[A-Za-z][a-z'’-]*|[A-Z]+)[.,;:?!)"'”’]*$/;
const ALIGNED = /\S {3,}\S/;
const INDENTED = /^(?:\t| {2,})/;
const URL_START = /^(?:https?|ftp):\/\//i;

/** A line mostly in Chinese (or another CJK script): the author writing, not a program. */
export function isCjkProse(text: string): boolean {
  const trimmed = text.trim();
  const cjk = trimmed.match(CJK)?.length ?? 0;
  return cjk >= 2 && cjk / trimmed.replace(/\s/g, "").length >= 0.25;
}

/**
 * A Chinese sentence of the author's, as opposed to a program's short localized message
 * (`段错误`, `口令：`): six or more characters, or ending like a sentence.
 */
export function isCjkSentence(text: string): boolean {
  const trimmed = text.trim();
  const cjk = trimmed.match(CJK)?.length ?? 0;
  if (cjk < 2) return false;
  return /[。？！]$/.test(trimmed) || (cjk >= 6 && isCjkProse(trimmed));
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
