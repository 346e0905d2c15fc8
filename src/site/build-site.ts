// `dotlog build`: the whole site in one process — Eleventy's programmatic API with the dotlog
// plugin (registered by `.eleventy.js`), then the search index — written into a folder beside
// the output and swapped in only when everything worked, so a failed build never leaves a
// half-written site in place of a good one.

import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy, { type EleventyUserConfig } from "@11ty/eleventy";
import type { LogWarning, Timeline } from "../log/types.ts";
import { UserError } from "./config/user-error.ts";
import type { SiteOptions } from "./options.ts";
import dotlogPlugin, { templatesDir, useBuild, type DotlogBuild } from "./plugin.ts";
import type { BuildSummary, Progress } from "./report.ts";
import { searchDocuments, type SearchDocument } from "./search/documents.ts";
import { searchIndexer, writeSearchIndexInChild, type SearchIndexer } from "./search/index-in-child.ts";
import { keptModels, nextBuild, type KeptModels } from "./kept-models.ts";
import { openTermsCache } from "./search/terms-cache.ts";
import type { SearchReport } from "./search/write-search-index.ts";
import { collectGarbage } from "./collect-garbage.ts";
import { removeInBackground } from "./remove-in-background.ts";
import { incrementalPages } from "./incremental/index.ts";
import { allPages, inBatches, type PageSelection } from "./pages/page-sets.ts";
import type { Searchable, SiteData } from "./site-data.ts";
import { isRunning } from "./is-running.ts";

export interface BuildSiteInput {
  /** The folder of logs; default `content`. */
  contentDir?: string;
  /** Where the site goes; default `site`. */
  outDir?: string;
  /**
   * The build cache: rendered entries (`render/`) and the last search index (`search/`), so a
   * rebuild redoes only what changed. None: everything is made again.
   */
  cacheDir?: string;
  progress?: Progress;
  /** Pages one Eleventy run writes at most (default `BATCH_PAGES`). */
  batchSize?: number;
}

export interface BuildSiteResult {
  summary: BuildSummary;
  /** 0, or non-zero when the site was written but something failed (see `summary.failures`). */
  exitCode: number;
}

/** The project's `.eleventy.js`, beside `templates/`: it registers the plugin with the site's options. */
export const eleventyConfigFile = fileURLToPath(new URL("../../.eleventy.js", import.meta.url));

/** Exit codes: as `dotlog check` (an input that could not be read → 2, a strict warning → 1). */
export const BUILD_EXIT = { ok: 0, strict: 1, input: 2 } as const;

export async function buildSite(input: BuildSiteInput = {}): Promise<BuildSiteResult> {
  const started = performance.now();
  const contentDir = input.contentDir ?? "content";
  const outDir = input.outDir ?? "site";
  const progress = input.progress ?? (() => {});
  await checkContentDir(contentDir);
  await checkOutDir(outDir, contentDir);

  const staging = stagingDir(outDir, "building");
  await removeStale(outDir);
  const cacheDir = input.cacheDir;
  // Pagefind (a child process, fed by a child process of the build) indexes on the second core
  // while the bodies are rendered and Eleventy writes the pages: the search documents are known
  // once the logs are read and the blog's posts made, and the index takes longer than the rest.
  let indexing: Promise<SearchReport> | undefined;
  // Counted, not kept: the documents' text is the child's once written.
  let records = 0;
  let posts = 0;
  // With a cache, pages whose inputs have not changed since the last build are kept from it
  // (the same site folder) or copied from the cache's page store (a new one).
  const incremental = cacheDir ? await incrementalPages({ cacheDir: pagesCacheDir(cacheDir), outDir, stagingDir: staging }) : null;
  try {
    // Eleventy keeps every page it renders until its run ends: the pages are written in batches,
    // one Eleventy run each, over the data the first run made.
    let batches: PageSelection[] | undefined;
    // What the report needs of the timelines, taken at the hand-over: the timelines are let go then.
    let read: ReadReport | undefined;
    const startIndex = async (searchable: Searchable): Promise<void> => {
      ({ indexing, records, posts } = await startSearchIndex(searchable, staging, cacheDir));
      // The documents (~40 MB on 10,000 entries) are the child's now: V8 would rather grow
      // the heap by the bodies rendered next than collect them.
      collectGarbage();
    };
    const onData = async (data: SiteData, options: SiteOptions): Promise<PageSelection> => {
      if (!batches) {
        // What the data stage left (parsed logs, the render cache's records), then the pages'
        // hashes, are collected before Eleventy's first batch: V8 would rather grow the heap by
        // each on top of the last.
        collectGarbage();
        const selection = (await incremental?.select(data.pages, options)) ?? allPages(data.pages);
        batches = inBatches(selection, input.batchSize ?? BATCH_PAGES);
        read = readReport(data, options);
        collectGarbage();
      }
      return nextBatch();
    };
    const nextBatch = (): PageSelection => batches?.shift() ?? inBatches({}, 1)[0]!;
    const moreBatches = async (): Promise<boolean> => {
      if ((batches?.length ?? 0) > 0) return true;
      // Pages the page store was to give and could not (a damaged segment): Eleventy writes them after all.
      const missed = await incremental?.notCopied();
      if (!missed || Object.values(missed).every((items) => items.length === 0)) return false;
      batches = inBatches(missed, input.batchSize ?? BATCH_PAGES);
      return true;
    };
    const { options, pages } = await runEleventy(
      {
        contentDir,
        progress,
        onSearchable: startIndex,
        onData,
        inBatches: true,
        nextBatch,
        ...(cacheDir ? { renderCacheDir: renderCacheDir(cacheDir), parseCacheDir: parseCacheDir(cacheDir) } : {}),
      },
      staging,
      moreBatches,
      (file, content) => incremental?.written(file, content),
    );
    // The last run's pages are garbage now; the manifest and the report are made next.
    collectGarbage();
    if (!indexing || !read) throw new Error("the dotlog plugin did not hand over its data");
    if (read.filesFound === 0) {
      throw new UserError(`no log files in ${contentDir} (looked for ${options.logs.pattern.join(", ")})`);
    }
    progress("indexing", 0, records);
    const search = await indexing;
    progress("indexing", records, records);
    if (incremental) await incremental.commit(staging, (dir) => swapIn(dir, outDir));
    else await swapIn(staging, outDir);
    const kept = incremental?.kept() ?? [];
    const copied = incremental?.copied() ?? [];

    const { unread, strict, ...counts } = read;
    const failures = [...unread, ...search.errors.map((e) => `search index: ${e}`), ...(strict ? [strict] : [])];
    const summary: BuildSummary = {
      contentDir,
      outDir,
      ...counts,
      posts,
      pages: pages + [...kept, ...copied].filter((file) => file.endsWith(".html")).length,
      pagesKept: kept.length,
      pagesCopied: copied.filter((file) => file.endsWith(".html")).length,
      searchRecords: search.records,
      failures,
      ms: Math.round(performance.now() - started),
    };
    const exitCode = unread.length > 0 ? BUILD_EXIT.input : failures.length > 0 ? BUILD_EXIT.strict : BUILD_EXIT.ok;
    return { summary, exitCode };
  } catch (error) {
    await indexing?.catch(() => {});
    await incremental?.abandon();
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

interface EleventyRun {
  options: SiteOptions;
  pages: number;
}

/** What the build's report says of the logs read and the data stage, and the failures they make. */
type ReadReport = Pick<BuildSummary, "filesFound" | "filesRead" | "entries" | "published" | "tags" | "publishedTags" | "bodies" | "redactions" | "warnings"> & {
  /** One line per input that could not be read (or not decoded with the forced encoding). */
  unread: string[];
  /** A warning of a strict code, as one line. */
  strict: string | null;
};

function readReport({ timeline, published, rendered, pages }: SiteData, options: SiteOptions): ReadReport {
  return {
    filesFound: timeline.files.length + timeline.warnings.filter((w) => w.code === "unreadable").length,
    filesRead: timeline.files.length,
    entries: timeline.entries.length,
    published: published.entries.length,
    tags: timeline.tags.size,
    publishedTags: published.tags.size,
    bodies: { rendered: rendered.misses, cached: rendered.hits },
    redactions: timeline.files.reduce((sum, file) => sum + (file.redacted ?? 0), 0) + (pages.blog?.redacted ?? 0),
    warnings: timeline.warnings,
    unread: inputFailures(timeline, options),
    strict: strictFailure(timeline.warnings, options.strict),
  };
}

export const renderCacheDir = (cacheDir: string): string => path.join(cacheDir, "render");
export const parseCacheDir = (cacheDir: string): string => path.join(cacheDir, "parse");
export const searchCacheDir = (cacheDir: string): string => path.join(cacheDir, "search");
export const termsCacheDir = (cacheDir: string): string => path.join(cacheDir, "terms");
export const pagesCacheDir = (cacheDir: string): string => path.join(cacheDir, "pages");

/**
 * Pages an Eleventy run writes at most. Eleventy holds ~60 KB a page until its run ends (the
 * pagination's page data, each page's content before and after its transforms): 10,000 entries,
 * build process peak 703 MiB at 5,000 pages a run, 571 at 2,500, 487 at 1,000 — for 2.4 and
 * 8.3 s more CPU than 5,000 (each run computes its global data and ends with a full collection).
 * Since the data stage's own peak came down (docs/performance-history.md, item 22): 484 MiB at 2,500,
 * 464 at 2,000, 424 at 1,500, for ~1.4 s more CPU than 2,500.
 */
export const BATCH_PAGES = 1500;

async function runEleventy(
  build: DotlogBuild & { progress: Progress },
  outDir: string,
  moreBatches: () => Promise<boolean>,
  /** Each page Eleventy wrote, by its file relative to `outDir`, and what it wrote. */
  onWritten: (file: string, content: string | Uint8Array) => void,
): Promise<EleventyRun> {
  const { progress } = build;
  let total = 0;
  let written = 0;
  const eleventy = createEleventy({
    build,
    outDir,
    runMode: "build",
    config(eleventyConfig) {
      eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: Record<string, unknown> }) => {
        total = written + Object.keys(urlToInputPath).length;
      });
      eleventyConfig.addTransform("dotlog-progress", function (content) {
        progress("writing", ++written, total);
        return content;
      });
    },
  });
  // Eleventy's own lines (and its stack traces) stay out of the report: a failure is rethrown
  // and the command prints it as one line.
  eleventy.logger.overrideLogger(false);

  const pages = new Set<string>();
  const root = path.resolve(outDir);
  const writeBatch = async (): Promise<void> => {
    const [, templates] = await eleventy.write();
    for (const t of templates) {
      if (typeof t.outputPath !== "string") continue;
      if (t.outputPath.endsWith(".html")) pages.add(t.outputPath);
      onWritten(path.relative(root, path.resolve(t.outputPath)).split(path.sep).join("/"), t.content);
    }
  };
  await eleventy.init();
  for (;;) {
    await writeBatch();
    if (!(await moreBatches())) break;
    await eleventy.restart();
    await eleventy.init();
    // `init` replaced the Eleventy writer that held the last batch's pages: collected now,
    // before the next batch renders (V8 would rather grow the heap by another batch).
    collectGarbage();
  }
  // The plugin found `build` through `useBuild` and filled in what it made.
  const { options } = build;
  if (!options) throw new Error("the dotlog plugin did not run: is it registered in .eleventy.js?");
  // With the pages the plugin wrote itself (the id-redirect pages), beside Eleventy.
  return { options, pages: pages.size + (build.directPages ?? 0) };
}

export interface CreateEleventyInput {
  build: DotlogBuild;
  outDir: string;
  runMode: "build" | "serve";
  /** More configuration, run before `.eleventy.js`. */
  config?: (eleventyConfig: EleventyUserConfig) => void;
}

/** Eleventy on `templates/` with the project's `.eleventy.js`, told about this build through `useBuild`. */
export function createEleventy({ build, outDir, runMode, config }: CreateEleventyInput): Eleventy {
  const hasConfigFile = existsSync(eleventyConfigFile);
  const eleventy = new Eleventy(relativeToCwd(templatesDir), outDir, {
    runMode,
    quietMode: true,
    ...(hasConfigFile ? { configPath: relativeToCwd(eleventyConfigFile) } : {}),
    config(eleventyConfig) {
      useBuild(eleventyConfig, build);
      // Without the project's `.eleventy.js` (dotlog used as a library), register the plugin here.
      if (!hasConfigFile) eleventyConfig.addPlugin(dotlogPlugin);
      config?.(eleventyConfig);
    },
  });
  // `.eleventy.js` names `site/` as its output (for plain `npx @11ty/eleventy`); ours wins.
  eleventy.directories.freeze();
  return eleventy;
}

/** What the dev server keeps for search from one rebuild to the next: its index child, and the entries' documents. */
export interface SearchMemory {
  indexer: SearchIndexer;
  documents: KeptModels<SearchDocument>;
}

export function newSearchMemory(): SearchMemory {
  return { indexer: searchIndexer(), documents: keptModels() };
}

/**
 * The search index of what the site publishes, written into `outDir` by a child process: it
 * runs on the second core while the caller renders and writes the pages, and the caller awaits
 * `indexing`. The index-only words of unchanged texts come from the terms cache.
 */
export async function startSearchIndex(
  { published, posts }: Searchable,
  outDir: string,
  cacheDir: string | undefined,
  /** Kept between builds (the dev server's); else a child is started for this index. */
  memory?: SearchMemory,
): Promise<{ indexing: Promise<SearchReport>; records: number; posts: number }> {
  // A rebuild makes the documents of the entries that changed only, whose words take no time:
  // the words cache is the first build's.
  const rebuild = memory !== undefined && memory.documents.next.size > 0;
  const kept = cacheDir && !rebuild ? await openTermsCache(termsCacheDir(cacheDir)) : undefined;
  const documents = searchDocuments(published, posts, kept, memory && nextBuild(memory.documents));
  await kept?.save();
  const request = { outDir, documents, ...(cacheDir ? { cacheDir: searchCacheDir(cacheDir) } : {}) };
  const indexing = memory ? memory.indexer.write(request) : writeSearchIndexInChild(request);
  indexing.catch(() => {}); // awaited by the caller; a failure elsewhere first must not leave it unhandled
  return { indexing, records: documents.length, posts: documents.filter((document) => document.kind === "post").length };
}

/** One line per input problem that makes the build fail although the rest of the site was written. */
function inputFailures(timeline: Timeline, options: SiteOptions): string[] {
  const failures = timeline.warnings
    .filter((w) => w.code === "unreadable")
    .map((w) => `cannot read ${w.file}: ${w.message}`);
  const forced = options.logs.encoding;
  if (forced) {
    for (const file of timeline.files) {
      if (file.misfit !== undefined) {
        failures.push(`${file.file} is not ${forced} (the forced encoding): ${file.misfit}`);
        continue;
      }
      // Bytes that did not decode became U+FFFD and `decode` warnings (capped per file).
      if (!timeline.warnings.some((w) => w.file === file.file && w.code === "decode" && w.line > 0)) continue;
      const lines = file.text.split(/\r\n|\n|\r/).filter((line) => line.includes("\uFFFD")).length;
      if (lines === 0) continue;
      failures.push(`${file.file} is not ${forced} (the forced encoding): ${lines} line${lines === 1 ? "" : "s"} with invalid bytes, shown as U+FFFD`);
    }
  }
  return failures;
}

function strictFailure(warnings: readonly LogWarning[], strict: readonly string[]): string | null {
  const hits = warnings.filter((w) => strict.includes(w.code));
  if (hits.length === 0) return null;
  const codes = [...new Set(hits.map((w) => w.code))].join(", ");
  return `${hits.length} warning${hits.length === 1 ? "" : "s"} with a strict code (${codes})`;
}

export async function checkContentDir(contentDir: string): Promise<void> {
  const info = await stat(contentDir).catch(() => null);
  if (info === null) throw new UserError(`the content folder ${contentDir} does not exist`);
  if (!info.isDirectory()) throw new UserError(`the content folder ${contentDir} is not a folder`);
}

/**
 * The output folder is replaced as a whole, so it must not hold anything else: refuse the
 * working folder, the content folder or a folder around it, and a non-empty folder that is
 * not a previous build (no `index.html`).
 */
async function checkOutDir(outDir: string, contentDir: string): Promise<void> {
  const out = path.resolve(outDir);
  const protectedDirs = [process.cwd(), path.resolve(contentDir), path.resolve(templatesDir), path.dirname(eleventyConfigFile)];
  if (protectedDirs.some((dir) => dir === out || dir.startsWith(out + path.sep))) {
    throw new UserError(`the output folder ${outDir} would replace the project or its content; choose another --out`);
  }
  const names = await readdir(out).catch(() => null);
  if (names !== null && names.length > 0 && !names.includes("index.html")) {
    throw new UserError(`the output folder ${outDir} is not empty and holds no site built before; choose another --out`);
  }
}

/** `site` → `.site.building-1234` in the same parent folder, so the final rename stays on one disk. */
function stagingDir(outDir: string, kind: "building" | "old"): string {
  const out = path.resolve(outDir);
  return path.join(path.dirname(out), `.${path.basename(out)}.${kind}-${process.pid}`);
}

/** Folders left by a build that was killed (its process is gone). */
async function removeStale(outDir: string): Promise<void> {
  const out = path.resolve(outDir);
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(out))}\\.(?:building|old)-(\\d+)$`);
  const names = await readdir(path.dirname(out)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (pid && !isRunning(pid)) await rm(path.join(path.dirname(out), name), { recursive: true, force: true });
  }
}

async function swapIn(staging: string, outDir: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(outDir)), { recursive: true });
  const old = stagingDir(outDir, "old");
  const hadOld = existsSync(outDir);
  if (hadOld) await rename(outDir, old);
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (hadOld) await rename(old, outDir);
    throw new UserError(`could not move the new site into ${outDir}: ${(error as Error).message}`);
  }
  if (hadOld) await removeInBackground(old);
}

function relativeToCwd(file: string): string {
  return path.relative(process.cwd(), file) || ".";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
