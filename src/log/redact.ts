// Masks what the author does not want published (IP addresses, e-mail addresses, their own
// patterns, colleagues' names) in a file's decoded text before it is parsed, so titles, slugs,
// URLs, transcripts, search and feeds only ever see the masked text. Patterns run line by
// line and the mask has no line end, so every line number stays where it was.

import { splitLines } from "./lines.ts";
import type { RedactOptions, RedactRule } from "./types.ts";

export type { RedactOptions, RedactRule } from "./types.ts";
type RedactPreset = Extract<RedactRule, string>;

export const DEFAULT_MASK = "█████";

/** A compiled set of rules; compile once per build, apply to every file. */
export interface Redaction {
  patterns: Pattern[];
  mask: string;
}

interface Pattern {
  regex: RegExp;
  /** Second thoughts about a match the regular expression alone cannot express. */
  accept?: (match: string) => boolean;
}

export interface RedactResult {
  text: string;
  /** How many matches were masked. */
  count: number;
}

/** A wrong rule in the options: the message names it (`redact[2]`, `redactNames[0]`, `mask`). */
export class RedactConfigError extends Error {
  override name = "RedactConfigError";
}

// Leading zeros too (`010.001.002.003`): some tools print them.
const OCTET = "(?:25[0-5]|2[0-4]\\d|[01]?\\d?\\d)";
// tcpdump writes `10.0.0.1.22` (address, then port): a longer dotted number is masked in part.
const IPV4 = `(?<!\\d)(?:${OCTET}\\.){3}${OCTET}(?!\\d)`;

const H = "[0-9A-Fa-f]{1,4}";
const IPV4_TAIL = `(?:${OCTET}\\.){3}${OCTET}`;
// Every RFC 4291 text form: full, `::`-compressed at any place, with an IPv4 tail, with a zone.
// The IPv4-tail forms come first, or `::ffff:192.0.2.128` would stop at `::ffff:192`.
const IPV6_FORMS = [
  `(?:${H}:){6}${IPV4_TAIL}`,
  `(?:${H}:){1,5}:${IPV4_TAIL}`,
  `::(?:[Ff]{4}(?::0{1,4})?:)?${IPV4_TAIL}`,
  `(?:${H}:){7}${H}`,
  `(?:${H}:){1,7}:`,
  `(?:${H}:){1,6}:${H}`,
  `(?:${H}:){1,5}(?::${H}){1,2}`,
  `(?:${H}:){1,4}(?::${H}){1,3}`,
  `(?:${H}:){1,3}(?::${H}){1,4}`,
  `(?:${H}:){1,2}(?::${H}){1,5}`,
  `${H}:(?::${H}){1,6}`,
  `:(?:(?::${H}){1,7}|:)`,
];
// The lookahead forbids stopping before more address characters (`1::2:3` must not end at
// `1::2`). A MAC address (`00:16:3e:01:88:54`) has six groups and no `::`, and a time
// (`12:34:56`) three: neither is an address.
const IPV6 = `(?<![0-9A-Za-z:.])(?:${IPV6_FORMS.join("|")})(?:%[\\w-]+(?:\\.[\\w-]+)*)?(?![0-9A-Za-z:]|\\.\\d)`;

// The local part takes every character RFC 5322 allows: masking a little too much is the safe side.
// It starts where a run of such characters starts: tried inside a long run, every start would
// rescan the run, and a 5 MB line of letters would take hours.
const LOCAL_CHAR = "\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-";
const EMAIL = `(?<![${LOCAL_CHAR}])[${LOCAL_CHAR}]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}`;

const PRESETS: Record<RedactPreset, Pattern> = {
  ipv4: { regex: new RegExp(IPV4, "g") },
  // A lone `::` (reStructuredText, Perl) is the unspecified address only by the letter of the RFC.
  ipv6: { regex: new RegExp(IPV6, "g"), accept: (match) => /[0-9A-Fa-f]/.test(match.replace(/%.*/, "")) },
  email: { regex: new RegExp(EMAIL, "gu") },
};

// Scripts written without spaces: a name in them cannot be asked to stand as a whole word.
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const LINE_END = /[\r\n\u2028\u2029]/;

export function compileRedaction(options: RedactOptions): Redaction {
  const mask = options.mask ?? DEFAULT_MASK;
  if (LINE_END.test(mask)) throw new RedactConfigError("mask: must not contain a line end");
  const patterns = (options.rules ?? []).map((rule, index) => compileRule(rule, `redact[${index}]`));
  (options.names ?? []).forEach((name, index) => {
    const pattern = compileName(name, `redactNames[${index}]`);
    if (pattern !== null) patterns.push(pattern);
  });
  return { patterns, mask };
}

function compileRule(rule: RedactRule, key: string): Pattern {
  if (typeof rule === "string") {
    const preset = PRESETS[rule];
    if (preset === undefined) {
      throw new RedactConfigError(`${key}: unknown preset "${rule}" (known: ${Object.keys(PRESETS).join(", ")})`);
    }
    return preset;
  }
  // `g` is ours to add; `y` would stop at the first non-match.
  const flags = `${(rule.flags ?? "").replace(/[gy]/g, "")}g`;
  try {
    return { regex: new RegExp(rule.pattern, flags) };
  } catch (error) {
    throw new RedactConfigError(`${key}: ${(error as Error).message}`);
  }
}

function compileName(name: string, key: string): Pattern | null {
  const word = name.normalize("NFC").trim();
  if (word === "") return null;
  if (LINE_END.test(word)) throw new RedactConfigError(`${key}: must not contain a line end`);
  const chars = Array.from(word);
  const before = needsBoundary(chars[0]!) ? "(?<![\\p{L}\\p{N}\\p{M}_])" : "";
  const after = needsBoundary(chars[chars.length - 1]!) ? "(?![\\p{L}\\p{N}\\p{M}_])" : "";
  const escaped = word.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&").replace(/\s+/g, "\\s+");
  return { regex: new RegExp(`${before}${escaped}${after}`, "giu") };
}

function needsBoundary(char: string): boolean {
  return WORD_CHAR.test(char) && !UNSPACED.test(char);
}

/**
 * Masks every match of every pattern, rule by rule, line by line. `keepLine` spares lines that
 * must stay as written (the log layer spares timestamp lines, which hold nothing private and
 * without which entries would run together).
 */
export function redactText(text: string, redaction: Redaction, keepLine?: (line: string) => boolean): RedactResult {
  if (redaction.patterns.length === 0) return { text, count: 0 };
  let count = 0;
  let out = "";
  for (const line of splitLines(text)) {
    let masked = line.text;
    if (keepLine === undefined || !keepLine(line.text)) {
      for (const pattern of redaction.patterns) {
        const result = maskLine(masked, pattern, redaction.mask);
        masked = result.text;
        count += result.count;
      }
    }
    out += masked + line.eol;
  }
  return { text: out, count };
}

function maskLine(line: string, pattern: Pattern, mask: string): RedactResult {
  let count = 0;
  const text = line.replace(pattern.regex, (match) => {
    // A pattern that can match nothing (`a*`) would otherwise put a mask between every letter.
    if (match === "" || (pattern.accept !== undefined && !pattern.accept(match))) return match;
    count += 1;
    return mask;
  });
  return { text, count };
}
