// `dotlog export <files or folders…> --format json`: the parsed timeline on stdout.

import { toExportJson } from "./export-json.ts";
import { exitCode, loadFromArgs, LOG_OPTIONS_HELP, logOptions, parseCommandLine, readLogArgs, UsageError } from "./inputs.ts";
import { EXIT } from "./main.ts";

const HELP = `usage: dotlog export <files or folders…> [--format json] [options]

Prints every entry, file and warning as JSON (see docs/export-format.md).

  --format json            the only format so far
${LOG_OPTIONS_HELP}`;

export async function exportCommand(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseCommandLine(argv, { ...logOptions, format: { type: "string" } });
    if (values.help) {
      process.stdout.write(HELP);
      return EXIT.ok;
    }
    const format = values.format ?? "json";
    if (format !== "json") throw new UsageError(`--format must be json, not "${String(format)}"`);
    const args = readLogArgs(values, positionals);
    const timeline = await loadFromArgs(args);
    process.stdout.write(JSON.stringify(toExportJson(timeline), null, 2) + "\n");
    for (const warning of timeline.warnings.filter((w) => w.code === "unreadable")) {
      process.stderr.write(`dotlog: cannot read ${warning.file}: ${warning.message}\n`);
    }
    return exitCode(timeline.warnings, args.strict);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`dotlog export: ${error.message}\n\n${HELP}`);
    return EXIT.usage;
  }
}
