// What `export` and `check` share: their options, and turning the paths on the command
// line (files or folders) into a timeline.

import { stat } from "node:fs/promises";
import { parseArgs, type ParseArgsConfig } from "node:util";
import iconv from "iconv-lite";
import { findLogs, loadTimeline } from "../log/index.ts";
import type { LogWarning, ParseOptions, Timeline, WarningCode } from "../log/index.ts";
import { isWarningCode } from "../log/warning-codes.ts";

export const logOptions = {
  encoding: { type: "string" },
  "date-order": { type: "string" },
  pattern: { type: "string", multiple: true },
  strict: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

export const LOG_OPTIONS_HELP = `  --encoding <name>        force the encoding of every file (utf-8, utf-16le, gbk, windows-1252, …)
  --date-order <order>     auto (default), dmy or mdy for dates like 01/02/2012
  --pattern <glob>         which files of a folder are logs (repeatable; default **/*.log, **/*.txt)
  --strict <code,code>     exit 1 when one of these warning codes occurs
`;

export class UsageError extends Error {}

export interface LogArgs {
  paths: string[];
  parse: ParseOptions;
  pattern: string[] | undefined;
  strict: WarningCode[];
}

export function readLogArgs(values: { encoding?: string; "date-order"?: string; pattern?: string[]; strict?: string[] }, positionals: string[]): LogArgs {
  if (positionals.length === 0) throw new UsageError("no files or folders given");
  const dateOrder = values["date-order"] ?? "auto";
  if (dateOrder !== "auto" && dateOrder !== "dmy" && dateOrder !== "mdy") {
    throw new UsageError(`--date-order must be auto, dmy or mdy, not "${dateOrder}"`);
  }
  const strict = (values.strict ?? []).flatMap((list) => list.split(",")).map((code) => code.trim()).filter(Boolean);
  const unknown = strict.filter((code) => !isWarningCode(code));
  if (unknown.length > 0) throw new UsageError(`unknown warning code${unknown.length > 1 ? "s" : ""} for --strict: ${unknown.join(", ")}`);
  const parse: ParseOptions = { dateOrder };
  if (values.encoding !== undefined) {
    if (!iconv.encodingExists(values.encoding)) throw new UsageError(`unknown encoding "${values.encoding}"`);
    parse.encoding = values.encoding;
  }
  return { paths: positionals, parse, pattern: values.pattern, strict: strict as WarningCode[] };
}

export function parseCommandLine<const T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Folders become the log files found in them; `file` stays the path as given. */
export async function loadFromArgs(args: LogArgs): Promise<Timeline> {
  const files: string[] = [];
  const extra: LogWarning[] = [];
  for (const path of args.paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const found = await findLogs(path, args.pattern === undefined ? {} : { pattern: args.pattern });
      if (found.length === 0) extra.push({ file: path, line: 0, code: "no-logs", message: "no log files in this folder" });
      files.push(...found);
    } else files.push(path);
  }
  const timeline = await loadTimeline(files, args.parse);
  timeline.warnings.unshift(...extra);
  return timeline;
}

/** 2 when an input could not be read, 1 when a strict code occurred, else 0. */
export function exitCode(warnings: LogWarning[], strict: WarningCode[]): number {
  if (warnings.some((warning) => warning.code === "unreadable")) return 2;
  return warnings.some((warning) => strict.includes(warning.code)) ? 1 : 0;
}
