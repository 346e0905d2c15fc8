// The log layer's entry points: find the log files, read them, and merge them into one
// timeline. Reading never throws on content: every oddity is a warning.

import { readFile } from "node:fs/promises";
import pMap from "p-map";
import { decode } from "./decode.ts";
import { isMarkdownName } from "./format.ts";
import { compileRedaction, redactText, type Redaction } from "./redact.ts";
import { scanEntries } from "./split-entries.ts";
import { matchStampShape } from "./stamp.ts";
import { openParseCache, type ParseCacheMemory } from "./parse-cache.ts";
import { buildTimeline, mergeTimeline, parseSplitFile, type ParsedFile, type SplitInput } from "./timeline.ts";
import type { LogWarning, ParseOptions, Timeline } from "./types.ts";

export { findLogs, DEFAULT_PATTERN } from "./find-logs.ts";
export { foldKey as tagKey } from "./ids.ts";
export { firstLineElements, tagSpelling } from "./header.ts";
export { freeSlug, slugify } from "./slug.ts";
export { compileRedaction, redactText, type Redaction } from "./redact.ts";
export type { ParseCacheMemory } from "./parse-cache.ts";
export type * from "./types.ts";

export interface LogInput {
  file: string;
  bytes: Uint8Array;
}

/** Pure: bytes in, timeline out. Throws only on bad options (a RedactConfigError). */
export function parseTimeline(inputs: LogInput[], options: ParseOptions = {}): Timeline {
  const redaction = compileOptions(options);
  return buildTimeline(
    inputs.map((input) => readInput(input, options, redaction)),
    timelineOptions(options),
  );
}

export interface LoadOptions {
  /** The parse cache's folder (`<cache>/parse`): files whose bytes did not change are not parsed again. */
  cacheDir?: string;
  /** With `cacheDir`: the parses kept by a process that builds again and again (`ParseCacheMemory`). */
  memory?: ParseCacheMemory;
}

/** Files read at once by `loadTimeline`. */
const READ_AHEAD = 4;

/** Reads the files (paths as given) and merges them; an unreadable file is a warning. */
export async function loadTimeline(paths: string[], options: ParseOptions = {}, load: LoadOptions = {}): Promise<Timeline> {
  const redaction = compileOptions(options);
  const cache = load.cacheDir === undefined ? null : await openParseCache(load.cacheDir, options, load.memory);
  // A few files are read at once so that one's read overlaps another's parse or cache record;
  // each file's bytes are decoded and dropped as soon as it is parsed: only its text is kept.
  const loaded = await pMap(
    paths,
    async (file): Promise<ParsedFile | LogWarning> => {
      const bytes = await readFile(file).catch((error: Error) => error);
      if (bytes instanceof Error) return { file, line: 0, code: "unreadable", message: bytes.message };
      const cached = await cache?.get(file, bytes);
      if (cached) return cached;
      const parsed = parseSplitFile(readInput({ file, bytes }, options, redaction), timelineOptions(options));
      cache?.put(file, bytes, parsed);
      return parsed;
    },
    { concurrency: READ_AHEAD },
  );
  await cache?.save();
  const timeline = mergeTimeline(loaded.filter((item): item is ParsedFile => "entries" in item));
  timeline.warnings.unshift(...loaded.filter((item): item is LogWarning => !("entries" in item)));
  return timeline;
}

function compileOptions(options: ParseOptions): Redaction | null {
  return options.redact === undefined ? null : compileRedaction(options.redact);
}

function timelineOptions(options: ParseOptions) {
  return options.blogPhrases === undefined ? {} : { blogPhrases: options.blogPhrases };
}

function readInput({ file, bytes }: LogInput, options: ParseOptions, redaction: Redaction | null): SplitInput {
  const decoded = decode(file, bytes, options);
  // Stamp lines are spared: masking part of one would merge two entries.
  const markdown = isMarkdownName(file);
  const redacted = redaction === null ? null : redactText(decoded.text, redaction, (line) => matchStampShape(line, markdown) !== null);
  const text = redacted?.text ?? decoded.text;
  const scanned = scanEntries(file, text, options);
  return {
    file: {
      file,
      encoding: decoded.encoding,
      text,
      preamble: scanned.preamble,
      directive: scanned.directive,
      dateOrder: scanned.dateOrder,
      format: scanned.format,
      ...(redacted === null ? {} : { redacted: redacted.count }),
      ...(decoded.misfit === undefined ? {} : { misfit: decoded.misfit }),
    },
    entries: scanned.entries(),
    warnings: [...decoded.warnings, ...scanned.warnings],
  };
}
