// Turns a file's bytes into text the way Notepad wrote them: a BOM names the encoding;
// without one, UTF-16 is recognised by its zero bytes, valid UTF-8 is UTF-8, and anything
// else is guessed (chardet) and decoded with iconv-lite. Bytes that do not decode become
// U+FFFD and a warning: text is never dropped.

import { isUtf8 } from "node:buffer";
import chardet from "chardet";
import iconv from "iconv-lite";
import type { LogWarning } from "./types.ts";

export interface Decoded {
  /** The text without its BOM. */
  text: string;
  /** "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030", "windows-1252", … */
  encoding: string;
  warnings: LogWarning[];
  /** Set when a forced encoding does not fit the bytes: why (the build fails on it). */
  misfit?: string;
}

/** Line-level decode warnings beyond this many are summed up in one more warning. */
const MAX_LINE_WARNINGS = 20;
const SNIFF_BYTES = 8192;

export function decode(file: string, bytes: Uint8Array, options: { encoding?: string } = {}): Decoded {
  const warnings: LogWarning[] = [];
  const { text, encoding, lossy } = decodeBytes(file, bytes, options.encoding, warnings);
  warnings.push(...lineWarnings(file, text, encoding, lossy));
  if (looksBinary(text)) {
    warnings.push({ file, line: 0, code: "decode", message: `the file looks like binary data, not text (read as ${encoding})` });
  }
  const forced = options.encoding !== undefined && iconv.encodingExists(options.encoding);
  const misfit = forced ? forcedMisfit(bytes, text) : null;
  if (misfit !== null) warnings.push({ file, line: 0, code: "decode", message: `the file does not read as ${encoding}, the forced encoding: ${misfit}` });
  return { text, encoding, warnings, ...(misfit === null ? {} : { misfit }) };
}

/**
 * Why a forced encoding is the wrong one although every byte decoded: UTF-8 or a code page
 * read as UTF-16 (or UTF-16 in the wrong byte order) pairs each line end with a neighbour
 * into some other character; UTF-16 read as an 8-bit encoding puts a NUL beside every ASCII
 * character. Invalid bytes (U+FFFD) are the line warnings' to report.
 */
function forcedMisfit(bytes: Uint8Array, text: string): string | null {
  let lineFeeds = 0;
  for (let i = 0; i < bytes.length && lineFeeds < 2; i++) if (bytes[i] === 0x0a) lineFeeds++;
  if (lineFeeds >= 2 && !/[\n\r]/.test(text)) return "no line end reads as a line end";
  let nuls = 0;
  for (let i = text.indexOf("\0"); i !== -1; i = text.indexOf("\0", i + 1)) nuls++;
  if (nuls >= 8 && nuls * 10 >= text.length) return `${nuls} NUL characters in ${text.length}, as UTF-16 read 8 bits at a time has`;
  return null;
}

interface Decoding {
  text: string;
  encoding: string;
  /** True when some bytes did not decode and became U+FFFD. */
  lossy: boolean;
}

function decodeBytes(file: string, bytes: Uint8Array, forced: string | undefined, warnings: LogWarning[]): Decoding {
  if (forced !== undefined) {
    if (iconv.encodingExists(forced)) return decodeAs(stripBom(bytes, canonical(forced)), canonical(forced));
    warnings.push({ file, line: 0, code: "decode", message: `unknown encoding "${forced}"; detecting it instead` });
  }
  const bom = sniffBom(bytes);
  if (bom !== null) {
    const decoded = decodeAs(bytes.subarray(bom.length), bom.encoding);
    return { ...decoded, encoding: bom.encoding === "utf-8" ? "utf-8-bom" : bom.encoding };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16 !== null) {
    warnings.push({ file, line: 0, code: "encoding-guess", message: `no BOM, but the zero bytes say ${utf16}: read as ${utf16}` });
    return decodeAs(bytes, utf16);
  }
  if (isUtf8(bytes)) return decodeAs(bytes, "utf-8");
  const lenient = decodeAs(bytes, "utf-8");
  if (mostlyUtf8(lenient.text)) {
    warnings.push({ file, line: 0, code: "encoding-guess", message: "not valid UTF-8, but nearly: read as utf-8 (guessed)" });
    return lenient;
  }
  const guess = guessEncoding(bytes);
  warnings.push({ file, line: 0, code: "encoding-guess", message: `no BOM and not valid UTF-8: read as ${guess} (guessed)` });
  return decodeAs(bytes, guess);
}

function decodeAs(bytes: Uint8Array, encoding: string): Decoding {
  // Node's Buffer decoder is several times faster than a fatal TextDecoder on large files.
  if (encoding === "utf-8" && isUtf8(bytes)) {
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"), encoding, lossy: false };
  }
  if (encoding === "utf-8" || encoding === "utf-16le" || encoding === "utf-16be") {
    try {
      return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding, lossy: false };
    } catch {
      return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes), encoding, lossy: true };
    }
  }
  // iconv-lite has no strict mode: a U+FFFD in its output is an undecodable byte sequence.
  const text = iconv.decode(bytes, encoding, { stripBOM: false });
  return { text, encoding, lossy: text.includes("\uFFFD") };
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

function sniffBom(bytes: Uint8Array): { length: number; encoding: string } | null {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  return bom === undefined ? null : { length: bom.bytes.length, encoding: bom.encoding };
}

function stripBom(bytes: Uint8Array, encoding: string): Uint8Array {
  const bom = sniffBom(bytes);
  const same = bom !== null && bom.encoding === encoding.replace(/-bom$/, "");
  return same ? bytes.subarray(bom.length) : bytes;
}

/** UTF-8 and UTF-16 under their usual names; other names as iconv-lite spells them. */
function canonical(name: string): string {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (key === "utf8") return "utf-8";
  if (key === "utf16le" || key === "ucs2") return "utf-16le";
  if (key === "utf16be") return "utf-16be";
  return name.toLowerCase();
}

/**
 * UTF-16 without a BOM: ASCII characters (digits, spaces, line ends) put a zero byte in
 * every other position. Text in other encodings almost never has that pattern.
 */
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros >= pairs * 0.2 && evenZeros * 10 <= oddZeros) return "utf-16le";
  if (evenZeros >= pairs * 0.2 && oddZeros * 10 <= evenZeros) return "utf-16be";
  return null;
}

/**
 * A UTF-8 file with a few damaged bytes (a bad copy, a lone surrogate) is still UTF-8: its
 * well-formed multi-byte characters far outnumber the bytes that failed. Text in a legacy
 * code page decoded as UTF-8 fails on nearly every non-ASCII byte instead.
 */
function mostlyUtf8(text: string): boolean {
  let replaced = 0;
  let decoded = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replaced++;
    else if (code > 0x7f) decoded++;
  }
  return replaced > 0 && decoded >= replaced * 10;
}

/** Notepad's "ANSI" is the Windows code page: chardet's ISO-8859-1 and ASCII mean CP1252. */
function guessEncoding(bytes: Uint8Array): string {
  const detected = chardet.detect(bytes.subarray(0, 64 * 1024));
  if (detected === null) return "windows-1252";
  const name = detected.toLowerCase();
  if (name === "iso-8859-1" || name === "ascii") return "windows-1252";
  if (name === "utf-8") return "utf-8";
  return iconv.encodingExists(name) ? name : "windows-1252";
}

const C0_CONTROL = /[\x00-\x08\x0e-\x1f]/g;

function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  const sample = text.slice(0, SNIFF_BYTES);
  const controls = sample.match(C0_CONTROL)?.length ?? 0;
  return controls > sample.length * 0.1;
}

/** One warning per line holding a NUL or (after a lossy decode) a U+FFFD. */
function lineWarnings(file: string, text: string, encoding: string, lossy: boolean): LogWarning[] {
  const hasNul = text.includes("\0");
  if (!hasNul && !lossy) return [];
  const pattern = lossy ? /\r\n|\n|\r|\0|\uFFFD/g : /\r\n|\n|\r|\0/g;
  const found: { line: number; nul: boolean; invalid: boolean }[] = [];
  let line = 1;
  for (const match of text.matchAll(pattern)) {
    const char = match[0];
    if (char === "\0" || char === "\uFFFD") {
      let last = found[found.length - 1];
      if (last?.line !== line) found.push((last = { line, nul: false, invalid: false }));
      if (char === "\0") last.nul = true;
      else last.invalid = true;
    } else line++;
  }
  const warnings = found.slice(0, MAX_LINE_WARNINGS).map(({ line, nul, invalid }): LogWarning => {
    const what = [invalid ? `bytes that are not valid ${encoding} (shown as U+FFFD)` : "", nul ? "a NUL byte" : ""];
    return { file, line, code: "decode", message: `this line has ${what.filter(Boolean).join(" and ")}` };
  });
  const rest = found.slice(MAX_LINE_WARNINGS);
  if (rest.length > 0) {
    warnings.push({ file, line: rest[0]!.line, code: "decode", message: `${rest.length} more lines from here on have invalid bytes or NUL bytes` });
  }
  return warnings;
}
