// `dotlog check <files…>`: the warnings, one `file:line: code: message` a line.

import { exitCode, loadFromArgs, LOG_OPTIONS_HELP, logOptions, parseCommandLine, readLogArgs, UsageError } from "./inputs.ts";
import { EXIT } from "./main.ts";
import { tagReport } from "./tag-report.ts";
import type { LogWarning } from "../log/index.ts";

const HELP = `usage: dotlog check <files or folders…> [options]

Prints every warning as file:line: code: message (see docs/warnings.md); a summary goes
to stderr. Exit status: 0 fine, 1 a --strict code occurred, 2 bad usage or unreadable input.

  --tags                   print the tags instead, with the number of entries each is on,
                           most used first, and then every header element that is not a tag
                           (code, a path, a date, …) as file:line: why: element (docs/headers.md)
${LOG_OPTIONS_HELP}`;

const checkOptions = { ...logOptions, tags: { type: "boolean" } } as const;

export function formatWarning(warning: LogWarning): string {
  return `${warning.file}:${warning.line}: ${warning.code}: ${warning.message}`;
}

export async function checkCommand(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseCommandLine(argv, checkOptions);
    if (values.help) {
      process.stdout.write(HELP);
      return EXIT.ok;
    }
    const args = readLogArgs(values, positionals);
    const timeline = await loadFromArgs(args);
    if (values.tags) process.stdout.write(tagReport(timeline));
    else process.stdout.write(timeline.warnings.map((warning) => formatWarning(warning) + "\n").join(""));
    process.stderr.write(`${timeline.entries.length} entries in ${timeline.files.length} files, ${timeline.warnings.length} warnings\n`);
    return exitCode(timeline.warnings, args.strict);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`dotlog check: ${error.message}\n\n${HELP}`);
    return EXIT.usage;
  }
}
