// The data stage of a build, as a short pipeline of named steps:
//   read timeline → publish filter → blog posts → (search can start) → render bodies (once each) → page models
// Later issues slot in here with one line each (privacy in `publish`, blog posts, search).

import { findLogs, loadTimeline, type Entry, type ParseCacheMemory, type Timeline } from "../log/index.ts";
import { createRenderer } from "../render/index.ts";
import { openRenderCache, type RenderCacheMemory, type RenderCacheStats } from "../render/render-cache.ts";
import type { SiteOptions } from "./options.ts";
import { bodiesWithBadgeLinks, finishBlog, readPosts, renderedOnce, withBlog } from "./blog/index.ts";
import type { PostInput } from "./search/documents.ts";
import { assemblePages } from "./pages/assemble.ts";
import { newModelMemory, type ModelMemory } from "./pages/model-memory.ts";
import { ownTitlesAndTags } from "./pages/model-text.ts";
import type { SitePages } from "./pages/types.ts";
import { publishTimeline, redactOptions, type Published } from "./privacy/index.ts";

export type Progress = (phase: string, done: number, total: number) => void;

export interface SiteDataInput {
  contentDir: string;
  options: SiteOptions;
  /** A timeline the caller already read (the build command reads it for its report). */
  timeline?: Timeline;
  progress?: Progress;
  /** The render cache's folder: unchanged entries are not rendered again. None: render all. */
  renderCacheDir?: string;
  /** The parse cache's folder: unchanged log files are not parsed again. None: parse all. */
  parseCacheDir?: string;
  /** What a process that builds again and again (the dev server) keeps of both caches between its builds. */
  memory?: BuildMemory;
  /**
   * Called as soon as what the search index reads is known (the published entries and posts),
   * before the bodies are rendered: the build starts indexing then, beside the rest.
   */
  onSearchable?: (searchable: Searchable) => void | Promise<void>;
}

/** The parse and render caches, and the page models, as the last build of this process left them (`newBuildMemory`). */
export interface BuildMemory {
  parse: ParseCacheMemory;
  render: RenderCacheMemory;
  models: ModelMemory;
}

export function newBuildMemory(): BuildMemory {
  return { parse: new Map(), render: {}, models: newModelMemory() };
}

export interface Searchable {
  published: Timeline;
  posts: PostInput[];
}

export interface SiteData {
  /** Everything read from the content folder. */
  timeline: Timeline;
  /** What the site publishes: the timeline after the publish filter. */
  published: Timeline;
  /** The privacy step: excluded/redacted counts, blog requests written in excluded entries. */
  privacy: Published;
  pages: SitePages;
  /** Bodies taken from the render cache and bodies rendered. */
  rendered: RenderCacheStats;
}

export async function buildSiteData({
  contentDir,
  options,
  timeline,
  progress,
  renderCacheDir,
  parseCacheDir,
  memory,
  onSearchable,
}: SiteDataInput): Promise<SiteData> {
  const read = timeline ?? (await readTimeline(contentDir, options, progress, parseCacheDir, memory?.parse));
  const privacy = publishTimeline(read, options);
  read.warnings.push(...privacy.warnings);
  const published = privacy.timeline;
  const renderer = await createRenderer();
  const cache = await openRenderCache(renderer, renderCacheDir ?? null, memory?.render);
  const bodies = new Map<string, string>();
  const renderEntry = renderedOnce(published, bodies, { renderEntry: (entry, t) => cache.render(entry, t) });
  const posts = await readPosts({
    timeline: published,
    renderer: { ...renderer, renderEntry },
    contentDir,
    options,
    privateRequests: privacy.privateBlogRequests,
    warnings: read.warnings,
  });
  await onSearchable?.({ published, posts: posts.search });
  await renderBodies(published, renderEntry, progress);
  await cache.save();
  ownTitlesAndTags(published.entries);
  const blog = finishBlog(posts, { timeline: published, bodies, options });
  const shown = bodiesWithBadgeLinks(bodies, blog.todos);
  const logPages = assemblePages({ timeline: published, bodies: shown, options, contentDir, rendererCss: renderer.css, ...(memory ? { memory: memory.models } : {}) });
  const pages = withBlog(logPages, blog, renderer);
  return { timeline: read, published, privacy, pages, rendered: cache.stats };
}

async function readTimeline(
  contentDir: string,
  options: SiteOptions,
  progress?: Progress,
  parseCacheDir?: string,
  memory?: ParseCacheMemory,
): Promise<Timeline> {
  progress?.("reading", 0, 1);
  const files = await findLogs(contentDir, { pattern: options.logs.pattern });
  const timeline = await loadTimeline(
    files,
    {
      ...(options.logs.encoding ? { encoding: options.logs.encoding } : {}),
      dateOrder: options.logs.dateOrder,
      redact: redactOptions(options),
      blogPhrases: options.blog.phrases,
    },
    parseCacheDir === undefined ? {} : { cacheDir: parseCacheDir, ...(memory ? { memory } : {}) },
  );
  progress?.("reading", 1, 1);
  return timeline;
}

/** Each entry is rendered at most once a build (not at all when cached); entry and day pages share the HTML. */
async function renderBodies(timeline: Timeline, renderEntry: (entry: Entry, timeline: Timeline) => Promise<string>, progress?: Progress): Promise<void> {
  const total = timeline.entries.length;
  for (const [i, entry] of timeline.entries.entries()) {
    await renderEntry(entry, timeline);
    progress?.("rendering", i + 1, total);
  }
}
