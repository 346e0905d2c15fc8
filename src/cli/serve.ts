// `dotlog serve [--content <dir>] [--out <dir>] [--cache <dir>] [--port <n>]`: Eleventy's dev server with live
// reload. A log edited in the content folder rebuilds the site and its search index;
// editing `dotlog.config.json` there reloads the options too. The render cache makes a rebuild
// render only the entries that changed, and Eleventy writes only the pages that changed.

import path from "node:path";
import { parseArgs } from "node:util";
import { checkContentDir, createEleventy, newSearchMemory, parseCacheDir, renderCacheDir, startSearchIndex } from "../site/build-site.ts";
import { configFileName } from "../site/config/load-config-file.ts";
import { failureMessage } from "../site/config/user-error.ts";
import type { DotlogBuild } from "../site/plugin.ts";
import { newBuildMemory } from "../site/site-data.ts";
import { servePages } from "../site/incremental/index.ts";
import { count } from "../site/report.ts";
import type { SearchReport } from "../site/search/write-search-index.ts";
import { DEFAULT_CACHE_DIR } from "./build.ts";
import { EXIT } from "./main.ts";

const HELP = `usage: dotlog serve [--content <dir>] [--out <dir>] [--cache <dir>] [--port <n>]

Builds the site, serves it at http://localhost:<port>/ and rebuilds it (live reload) when a
log in the content folder changes. Stop with Ctrl+C.

  --content <dir>   the folder of logs (default content)
  --out <dir>       the output folder (default site)
  --cache <dir>     rendered entries and the last search index (default .cache)
  --port <n>        the port (default 8080)
`;

const options = {
  content: { type: "string" },
  out: { type: "string" },
  cache: { type: "string" },
  port: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export async function serveCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options, allowPositionals: false, strict: true }));
  } catch (error) {
    process.stderr.write(`dotlog serve: ${(error as Error).message}\n\n${HELP}`);
    return EXIT.usage;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const port = Number(values.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`dotlog serve: --port must be a port number, not "${values.port}"\n`);
    return EXIT.usage;
  }
  const contentDir = values.content ?? "content";
  const outDir = values.out ?? "site";
  const cacheDir = values.cache ?? DEFAULT_CACHE_DIR;
  // A rebuild parses only the files that changed (the parse cache), renders only the entries
  // that changed (the render cache) and Eleventy writes only the pages that changed (the
  // others stay on disk).
  const memory = newBuildMemory();
  const pages = servePages(outDir, memory.models);
  // As in a build, the index is written by a child process on the second core while the bodies
  // are rendered and Eleventy writes the pages; a rebuild waits for it before it reloads. The
  // child stays from one rebuild to the next, with the documents it was given.
  const searchMemory = newSearchMemory();
  let indexing: Promise<SearchReport> | null = null;
  const build: DotlogBuild = {
    contentDir,
    parseCacheDir: parseCacheDir(cacheDir),
    renderCacheDir: renderCacheDir(cacheDir),
    // Both caches stay in memory too, with the page models: a rebuild does not read them back
    // from disk, and makes again only the models of entries that changed.
    memory,
    onData: (data, options) => pages.select(data.pages, options),
    async onSearchable(searchable) {
      ({ indexing } = await startSearchIndex(searchable, outDir, cacheDir, searchMemory));
    },
  };
  try {
    await checkContentDir(contentDir);
    const eleventy = createEleventy({
      build,
      outDir,
      runMode: "serve",
      config(eleventyConfig) {
        eleventyConfig.addWatchTarget(path.join(contentDir, configFileName), { resetConfig: true });
        // Eleventy waits for a changed file to keep its size 150 ms before it rebuilds; a log is
        // saved in one write (Notepad, or an editor's rename), so 50 ms is enough to see it whole.
        eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
        eleventyConfig.on("eleventy.after", async () => {
          const started = indexing;
          indexing = null;
          if (!build.data || !started) return;
          const search = await started;
          const { timeline, published } = build.data;
          process.stdout.write(
            `dotlog: ${count(published.entries.length)} of ${count(timeline.entries.length)} entries, ` +
              `${count(timeline.warnings.length)} warnings, ${count(search.records)} search records\n`,
          );
          for (const error of search.errors) process.stderr.write(`dotlog serve: search index: ${error}\n`);
        });
      },
    });
    // Eleventy reports a failed rebuild (a bad dotlog.config.json, say) and keeps serving:
    // its lines stay, its stack traces go.
    const quiet = (write: (text: string) => void) => (message: unknown) => {
      if (!String(message).includes("Original error stack trace")) write(`${String(message)}\n`);
    };
    const toOut = quiet((text) => process.stdout.write(text));
    const toErr = quiet((text) => process.stderr.write(text));
    eleventy.logger.overrideLogger({ log: toOut, info: toOut, warn: toErr, error: toErr });
    await eleventy.init();
    await eleventy.watch();
    await eleventy.serve(port);
    await new Promise<void>((resolve) => {
      const stop = () => void eleventy.stopWatch().then(resolve, resolve);
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return EXIT.ok;
  } catch (error) {
    process.stderr.write(`dotlog serve: ${failureMessage(error)}\n`);
    if (process.env["DOTLOG_DEBUG"]) process.stderr.write(`${(error as Error).stack ?? error}\n`);
    return EXIT.usage;
  } finally {
    searchMemory.indexer.close();
  }
}
