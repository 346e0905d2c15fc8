// `dotlog build [--content <dir>] [--out <dir>] [--cache <dir>]`: the site, its search index and a report.

import { parseArgs } from "node:util";
import { buildSite } from "../site/build-site.ts";
import { failureMessage } from "../site/config/user-error.ts";
import { createProgress, formatReport, type ProgressStream } from "../site/report.ts";
import { EXIT } from "./main.ts";

const HELP = `usage: dotlog build [--content <dir>] [--out <dir>] [--cache <dir>]

Builds the logs in the content folder into a static site with a search index, written into
the output folder only when the whole build worked, and prints a report.
Exit status: 0 fine; 1 a strict warning code occurred or the search index is incomplete;
2 an input could not be read, or the build failed (the previous site is left as it was).

  --content <dir>   the folder of logs (default content); its dotlog.config.json sets options
  --out <dir>       the output folder (default site)
  --cache <dir>     rendered entries and the last search index, kept between builds so a
                    rebuild redoes only what changed (default .cache); delete it for a cold build
`;

/** The build cache's folder when --cache is not given; git-ignored. */
export const DEFAULT_CACHE_DIR = ".cache";

const options = {
  content: { type: "string" },
  out: { type: "string" },
  cache: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Where the command writes; tests pass their own (a terminal or not). */
export interface CommandIO {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
}

export async function buildCommand(argv: string[], io: CommandIO = process): Promise<number> {
  const { stdout, stderr } = io;
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options, allowPositionals: false, strict: true }));
  } catch (error) {
    stderr.write(`dotlog build: ${(error as Error).message}\n\n${HELP}`);
    return EXIT.usage;
  }
  if (values.help) {
    stdout.write(HELP);
    return EXIT.ok;
  }
  const { progress, end } = createProgress(stderr);
  try {
    const { summary, exitCode } = await buildSite({
      contentDir: values.content,
      outDir: values.out,
      cacheDir: values.cache ?? DEFAULT_CACHE_DIR,
      progress,
    });
    end();
    stdout.write(formatReport(summary));
    for (const failure of summary.failures) stderr.write(`dotlog build: error: ${failure}\n`);
    return exitCode;
  } catch (error) {
    end();
    stderr.write(`dotlog build: ${failureMessage(error)}\n`);
    if (process.env["DOTLOG_DEBUG"]) stderr.write(`${(error as Error).stack ?? error}\n`);
    return EXIT.usage;
  }
}
