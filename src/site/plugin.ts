// The dotlog Eleventy plugin: resolves the site's options, runs the data stage once a build,
// and hands the page models to the templates in `templates/` as global data `dotlog`
// (pages) and `site` (options). URLs in the models are root-relative; Eleventy's
// HtmlBasePlugin applies `pathPrefix` to every page once.

import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HtmlBasePlugin, type EleventyUserConfig } from "@11ty/eleventy";
import { resolveSiteOptions } from "./config/index.ts";
import { cacheNunjucksCompiles } from "./nunjucks-compile-cache.ts";
import type { SiteOptions } from "./options.ts";
import { allPages, inBatches, PAGE_SETS, sitemapUrls, type PageSelection } from "./pages/page-sets.ts";
import { netlifyRedirects } from "./pages/redirects.ts";
import { writeDirectPages } from "./pages/write-direct-pages.ts";
import { anchorId, scopeIds } from "./pages/scope-ids.ts";
import type { SitePages } from "./pages/types.ts";
import { buildSiteData, type SiteData, type SiteDataInput } from "./site-data.ts";

/** Where the site's templates live; the build command uses it as Eleventy's input folder. */
export const templatesDir = fileURLToPath(new URL("../../templates/", import.meta.url));
const assetsDir = fileURLToPath(new URL("../../templates/assets/", import.meta.url));

/**
 * What a programmatic build tells the plugin beyond the site options: what the data stage
 * reads, and how the build takes what it makes. Stored on the Eleventy config object itself:
 * `.eleventy.js` loads this module through its own tsx loader, so a module-level variable
 * would not be shared with the caller's copy.
 */
export interface DotlogBuild extends Omit<SiteDataInput, "contentDir" | "options"> {
  /** The folder of logs; default `content`. */
  contentDir?: string;
  /**
   * Called once the data stage is done, before Eleventy writes the pages. What it returns is the part of the paginated pages to write (an incremental
   * build keeps the others from the last build); nothing: all of them.
   */
  onData?: (data: SiteData, options: SiteOptions) => PageSelection | void | Promise<PageSelection | void>;
  /**
   * The build writes its pages in several Eleventy runs (to bound Eleventy's memory, which
   * holds every page it renders until the run ends): runs after the first take the global data
   * the first made (`batchData`), and `nextBatch` says which pages each writes. The rest of
   * `data` (the timelines, ~30 MB of heap on 10,000 entries) is let go once `onData` returned:
   * the build takes what its report needs there.
   */
  inBatches?: boolean;
  /** In batches: the part of the paginated pages a run after the first writes. */
  nextBatch?: () => PageSelection;
  /** Filled in by the plugin: the resolved options and everything the data stage made (not kept in batches, see `inBatches`). */
  options?: SiteOptions;
  data?: SiteData;
  /** Filled in by the plugin in batches: the page models, sitemap and `_redirects` the first run made (computed once). */
  batchData?: SharedGlobalData;
  /** Filled in by the plugin: pages it wrote itself, beside Eleventy's (all runs of the build). */
  directPages?: number;
}

/** The global data `dotlog` every run of a build has: the page models, the sitemap's absolute URLs and Netlify's `_redirects`. */
export type SharedGlobalData = SitePages & { sitemap: string[]; netlifyRedirects: string };

const BUILD = Symbol.for("dotlog.build");

export function useBuild(eleventyConfig: object, build: DotlogBuild): void {
  (eleventyConfig as Record<symbol, DotlogBuild>)[BUILD] = build;
}

export function buildOf(eleventyConfig: object): DotlogBuild {
  const config = eleventyConfig as Record<symbol, DotlogBuild | undefined>;
  return (config[BUILD] ??= {});
}

export default function dotlogPlugin(eleventyConfig: EleventyUserConfig, pluginOptions: unknown = {}): void {
  const build = buildOf(eleventyConfig);
  const contentDir = build.contentDir ?? "content";
  const options = resolveSiteOptions(pluginOptions, contentDir);
  build.options = options;

  // A batched build's runs after the first write their part of the paginated pages and nothing
  // else: the single pages (home, archive, sitemap, _redirects, …) are the first run's, and each
  // run rendered them again (the sitemap alone lists every page).
  if (build.inBatches && build.batchData) for (const template of singleTemplates()) eleventyConfig.ignores.add(template);
  cacheNunjucksCompiles(eleventyConfig);
  eleventyConfig.addPlugin(HtmlBasePlugin, { baseHref: options.pathPrefix });
  eleventyConfig.addPassthroughCopy({ [assetsDir]: "assets" });
  eleventyConfig.addWatchTarget(contentDir);

  let directPages: Promise<number> = Promise.resolve(0);
  eleventyConfig.on("eleventy.after", async () => {
    build.directPages = (build.directPages ?? 0) + (await directPages);
    directPages = Promise.resolve(0);
  });

  eleventyConfig.addGlobalData("site", options);
  eleventyConfig.addGlobalData("dotlog", async () => {
    // A run of a batched build after the first: the same data, another part of the pages.
    if (build.inBatches && build.batchData) return startRun(build.batchData, build.nextBatch?.() ?? inBatches({}, 1)[0]!);
    // A preloaded timeline serves one build; a rebuild (dev server) reads the logs again.
    const data = await buildSiteData({
      contentDir,
      options,
      timeline: build.timeline,
      progress: build.progress,
      renderCacheDir: build.renderCacheDir,
      parseCacheDir: build.parseCacheDir,
      memory: build.memory,
      onSearchable: build.onSearchable,
    });
    build.timeline = undefined;
    build.data = data;
    const write = (await build.onData?.(data, options)) ?? allPages(data.pages);
    const shared: SharedGlobalData = {
      ...data.pages,
      // Absolute once here, not by a filter in the template: the sitemap is written by every
      // run of a batched build, and parsing its URLs again in each grew with the square of the log.
      sitemap: sitemapUrls(data.pages).map((url) => absoluteUrl(url, options)),
      netlifyRedirects: netlifyRedirects(data.pages.redirects, options.pathPrefix),
    };
    if (build.inBatches) {
      build.batchData = shared;
      build.data = undefined;
    }
    return startRun(shared, write);
  });

  /** The run's global data: what every run shares, and the pages this one writes; the id-redirect pages are written beside it. */
  function startRun(shared: SharedGlobalData, write: PageSelection): SharedGlobalData & { write: PageSelection } {
    // Eleventy's run waits for them at its end (eleventy.after).
    directPages = writeDirectPages(eleventyConfig.directories.output, write, { ...options, absoluteUrl: (url) => absoluteUrl(url, options) });
    directPages.catch(() => {}); // awaited in eleventy.after
    return { ...shared, write };
  }

  eleventyConfig.addFilter("absoluteUrl", (url: string) => absoluteUrl(url, options));
  eleventyConfig.addFilter("anchorId", anchorId);
  eleventyConfig.addFilter("scopeIds", scopeIds);
  eleventyConfig.addFilter("plural", (count: number, one: string, many: string) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`);
}

/** The templates that are not a page set's (their pages are not paginated), as Eleventy's ignores name them. */
function singleTemplates(): string[] {
  const paginated = new Set(PAGE_SETS.flatMap((set) => (set.template === null ? [] : [path.join(templatesDir, set.template)])));
  return readdirSync(templatesDir, { recursive: true, withFileTypes: true })
    .filter((file) => file.isFile() && file.name.endsWith(".njk") && !paginated.has(path.join(file.parentPath, file.name)))
    .filter((file) => !path.relative(templatesDir, file.parentPath).startsWith("_includes"))
    .map((file) => path.relative(process.cwd(), path.join(file.parentPath, file.name)).split(path.sep).join("/"));
}

/** A root-relative model URL → the canonical absolute URL under `baseUrl` and `pathPrefix`. */
export function absoluteUrl(url: string, options: Pick<SiteOptions, "baseUrl" | "pathPrefix">): string {
  const prefix = options.pathPrefix.replace(/^\/*/, "/").replace(/\/*$/, "/");
  const path = prefix + url.replace(/^\/+/, "");
  return new URL(path, options.baseUrl.replace(/\/*$/, "/")).href;
}
