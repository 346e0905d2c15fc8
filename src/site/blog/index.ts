// The blog stage of a build, one call from the site's data pipeline: blog requests and
// hand-written posts → post pages, the `/blog/` index, the TODO list, feeds, and what the
// home, tag, entry and search pages need to know about posts.

import { join } from "node:path";
import { compileRedaction, type Entry, type LogWarning, type Redaction, type Timeline } from "../../log/index.ts";
import type { SiteOptions } from "../options.ts";
import { redactOptions, type PrivateBlogRequest } from "../privacy/index.ts";
import type { PostInput } from "../search/documents.ts";
import type { PostLink } from "../pages/types.ts";
import { blogChunks, postLink, postPages, postsByTag, postsFromEntry, type BlogChunk, type PostPage } from "./blog-pages.ts";
import { buildFeeds, type Feed } from "./feeds.ts";
import type { Renderer } from "../../render/index.ts";
import type { PostWarning } from "./hand-posts.ts";
import { buildBlog, type Blog } from "./posts.ts";
import { todoRows, type TodoRow } from "./todo-list.ts";

export type { Feed, FeedItem } from "./feeds.ts";
export type { BlogChunk, PostPage } from "./blog-pages.ts";
export type { TodoRow } from "./todo-list.ts";
export type { PostWarning } from "./hand-posts.ts";
export { bodiesWithBadgeLinks } from "./link-todo-badges.ts";

/** A file beside a post, as the site writes it: `url` is its path in the site (not URL-encoded). */
export interface PublishedPostFile {
  url: string;
  source: string;
  hash: string;
}

export interface BlogInput {
  /** The published timeline (after the privacy filter). */
  timeline: Timeline;
  /** Entry bodies the site rendered already; posts reuse them. */
  bodies: ReadonlyMap<string, string>;
  /** The build's renderer: entries it has not rendered yet, and its highlighter for fenced code. */
  renderer: Pick<Renderer, "renderEntry" | "highlight" | "css">;
  contentDir: string;
  options: SiteOptions;
  /** Show drafts; default: only under the dev server (`npm start`). */
  includeDrafts?: boolean;
  /** Blog requests in entries the site does not publish (privacy's `publishTimeline`). */
  privateRequests?: PrivateBlogRequest[];
  /** Where the blog's warnings go too: the build report's list (the read timeline's warnings). */
  warnings?: LogWarning[];
}

export interface BlogPages {
  /** Newest first. */
  posts: PostPage[];
  /** `/blog/`, `/blog/2/`, …; templates paginate over these with size 1. */
  chunks: BlogChunk[];
  /** For the home page. */
  links: PostLink[];
  /** Tag slug → its posts. */
  byTag: Record<string, PostLink[]>;
  /** Entry id → the posts made from it or asked for in it. */
  fromEntry: Record<string, PostLink[]>;
  todos: TodoRow[];
  feeds: Feed[];
  /** The images and documents hand-written posts name, each in its post's folder. */
  files: PublishedPostFile[];
  /** What the search index needs of each published post. */
  search: PostInput[];
  warnings: PostWarning[];
  /** Matches masked in hand-written posts, for the build report. */
  redacted: number;
  drafts: boolean;
}

/** The posts alone, before the entries' bodies are rendered: what search needs of the blog. */
export interface BlogPosts {
  posts: PostPage[];
  /** What the search index needs of each published post. */
  search: PostInput[];
  /** The blog as `buildBlog` made it (requests, posts with their sources). */
  built: Blog;
  drafts: boolean;
}

export type PostsInput = Omit<BlogInput, "bodies">;

/**
 * Blog requests and hand-written posts → post pages. The renderer renders the entries posts are
 * made of (the build's renders each entry once and keeps it for the entry pages), so the search
 * index can start before the other bodies are rendered.
 */
export async function readPosts(input: PostsInput): Promise<BlogPosts> {
  const { timeline, options } = input;
  const includeDrafts = input.includeDrafts ?? isDevServer();
  const built = await buildBlog({
    timeline,
    renderer: input.renderer,
    postsDir: join(input.contentDir, "posts"),
    options: options.blog,
    includeDrafts,
    highlight: input.renderer.highlight,
    redaction: compiledRedaction(options),
    ...(input.privateRequests ? { privateRequests: input.privateRequests } : {}),
  });
  input.warnings?.push(...built.warnings);
  const posts = postPages(built, timeline, options.timeZone);
  const textOf = new Map(built.posts.map((post) => [post.url, post.text]));
  const search = posts
    .filter((post) => !post.draft)
    .map((post) => ({ url: post.url, title: post.title, date: `${post.date}T${post.time}`, tags: post.tags, text: textOf.get(post.url) ?? post.summary }));
  return { posts, search, built, drafts: includeDrafts };
}

/** The rest of the blog once every entry's body is rendered: index, TODO list, feeds, links. */
export function finishBlog({ posts, search, built, drafts }: BlogPosts, { timeline, bodies, options }: Pick<BlogInput, "timeline" | "bodies" | "options">): BlogPages {
  return {
    posts,
    chunks: blogChunks(posts),
    links: posts.map(postLink),
    byTag: postsByTag(posts),
    fromEntry: postsFromEntry(built, posts),
    todos: todoRows(timeline, built, bodies),
    feeds: buildFeeds({ posts, timeline, bodies, options }),
    files: built.posts.flatMap((post) => post.files.map((file) => ({ url: `${post.url}${file.path}`, source: file.source, hash: file.hash }))),
    search,
    warnings: built.warnings,
    redacted: built.redacted,
    drafts,
  };
}

/** Both steps, with bodies rendered already: entries of the timeline are taken from them. */
export async function loadBlog(input: BlogInput): Promise<BlogPages> {
  const renderer = { ...input.renderer, renderEntry: renderedOnce(input.timeline, new Map(input.bodies), input.renderer) };
  return finishBlog(await readPosts({ ...input, renderer }), input);
}

/**
 * An entry of the timeline renders once: taken from `bodies` when it is there, and kept in it.
 * A post made of one item renders that cut-down copy of its entry (same id, another body), never
 * the whole entry's HTML.
 */
export function renderedOnce(timeline: Timeline, bodies: Map<string, string>, renderer: Pick<Renderer, "renderEntry">): (entry: Entry, t: Timeline) => Promise<string> {
  return async (entry, t) => {
    if (timeline.byId.get(entry.id) !== entry) return renderer.renderEntry(entry, t);
    const kept = bodies.get(entry.id);
    if (kept !== undefined) return kept;
    const html = await renderer.renderEntry(entry, t);
    bodies.set(entry.id, html);
    return html;
  };
}

/** The options' `redact` and `redactNames` as the log layer compiles them for the logs. */
function compiledRedaction(options: SiteOptions): Redaction | null {
  const redact = redactOptions(options);
  return redact === undefined ? null : compileRedaction(redact);
}

/** Eleventy tells its run mode in the environment: `serve`/`watch` is `npm start`. */
function isDevServer(): boolean {
  const mode = process.env.ELEVENTY_RUN_MODE;
  return mode === "serve" || mode === "watch";
}

/** The site pipeline's one call: the blog's pages, with posts placed on the home and tag pages. */
export function withBlog<P extends { posts: PostLink[]; tagPosts: Record<string, PostLink[]>; rendererCss: string }>(
  pages: P,
  blog: BlogPages,
  renderer: Pick<Renderer, "css">,
): P & { blog: BlogPages } {
  // Fenced code in hand-written posts may have added token classes to the renderer's sheet.
  return { ...pages, posts: blog.links, tagPosts: blog.byTag, rendererCss: renderer.css, blog };
}
