// Test helpers: read fixture files and summarise a parsed file the way the tables in the
// tests write their expectations.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseTimeline } from "./index.ts";
import type { LogWarning, ParseOptions, Timeline } from "./types.ts";

export const FIXTURES = fileURLToPath(new URL("../../test/fixtures/", import.meta.url));

export function fixture(path: string): Uint8Array {
  return readFileSync(join(FIXTURES, path));
}

export function parseFixture(path: string, options: ParseOptions = {}): Timeline {
  return parseTimeline([{ file: path, bytes: fixture(path) }], options);
}

/** `code@line`, in the order reported. */
export function warningKeys(warnings: LogWarning[]): string[] {
  return warnings.map((warning) => `${warning.code}@${warning.line}`);
}

/** Preamble + raw of every entry of `file`, in file order. */
export function reassemble(timeline: Timeline, file: string): string {
  const logFile = timeline.files.find((f) => f.file === file)!;
  const entries = timeline.entries.filter((entry) => entry.file === file).sort((a, b) => a.line - b.line);
  return logFile.preamble + entries.map((entry) => entry.raw).join("");
}
