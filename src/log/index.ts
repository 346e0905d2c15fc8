// The log layer's entry points: find the log files, read them, and merge them into one
// timeline. Reading never throws on content: every oddity is a warning.

import { readFile } from "node:fs/promises";
import { decode } from "./decode.ts";
import { splitEntries } from "./split-entries.ts";
import { buildTimeline, type SplitInput } from "./timeline.ts";
import type { LogWarning, ParseOptions, Timeline } from "./types.ts";

export { findLogs, DEFAULT_PATTERN } from "./find-logs.ts";
export { foldKey as tagKey } from "./ids.ts";
export { slugify } from "./slug.ts";
export type * from "./types.ts";

export interface LogInput {
  file: string;
  bytes: Uint8Array;
}

/** Pure: bytes in, timeline out. */
export function parseTimeline(inputs: LogInput[], options: ParseOptions = {}): Timeline {
  return buildTimeline(inputs.map((input) => readInput(input, options)));
}

/** Reads the files (paths as given) and merges them; an unreadable file is a warning. */
export async function loadTimeline(paths: string[], options: ParseOptions = {}): Promise<Timeline> {
  const unreadable: LogWarning[] = [];
  const inputs: LogInput[] = [];
  for (const file of paths) {
    try {
      inputs.push({ file, bytes: await readFile(file) });
    } catch (error) {
      unreadable.push({ file, line: 0, code: "unreadable", message: (error as Error).message });
    }
  }
  const timeline = parseTimeline(inputs, options);
  timeline.warnings.unshift(...unreadable);
  return timeline;
}

function readInput({ file, bytes }: LogInput, options: ParseOptions): SplitInput {
  const decoded = decode(file, bytes, options);
  const split = splitEntries(file, decoded.text, options);
  return {
    file: {
      file,
      encoding: decoded.encoding,
      text: decoded.text,
      preamble: split.preamble,
      directive: split.directive,
      dateOrder: split.dateOrder,
    },
    entries: split.entries,
    warnings: [...decoded.warnings, ...split.warnings],
  };
}
