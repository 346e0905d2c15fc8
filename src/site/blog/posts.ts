// The post list: one post per blog request (generated, or the hand-written post whose
// `from:` names the request), plus hand-written posts of their own; drafts only when the
// site is served for writing (`npm start`).

import { freeSlug, type Entry, type Redaction, type Timeline } from "../../log/index.ts";
import type { SiteOptions } from "../options.ts";
import type { PrivateBlogRequest } from "../privacy/index.ts";
import { findBlogRequests } from "./blog-requests.ts";
import { generatePost, generatePrivatePost, type EntryRenderer } from "./generated-posts.ts";
import { readHandPosts, type HandPost, type PostWarning } from "./hand-posts.ts";
import { postTags } from "./post-tags.ts";
import type { Highlight } from "../../render/highlight.ts";
import type { BlogRequest, Post } from "./types.ts";

export interface BlogInput {
  timeline: Timeline;
  renderer: EntryRenderer;
  /** `content/posts/`; a missing folder means no hand-written posts. */
  postsDir: string;
  options: SiteOptions["blog"];
  /** True under `npm start`: drafts are shown (and marked) there, never in a build. */
  includeDrafts: boolean;
  highlight?: Highlight;
  /** The build's redaction, for hand-written posts (entries come masked from the log layer). */
  redaction?: Redaction | null;
  /** Requests written in entries the site does not publish (privacy); their posts show only public entries. */
  privateRequests?: PrivateBlogRequest[];
}

export interface Blog {
  /** The posts on this site, newest first. */
  posts: Post[];
  requests: BlogRequest[];
  /** Request id → the post that answers it on this site. */
  postForRequest: Map<string, Post>;
  /** Entry id → posts made from it (its sources) or asked for in it. */
  postsFromEntry: Map<string, Post[]>;
  warnings: PostWarning[];
  /** Matches masked in hand-written posts, for the build report. */
  redacted: number;
}

export async function buildBlog(input: BlogInput): Promise<Blog> {
  const { timeline, includeDrafts } = input;
  const requests = findBlogRequests(timeline);
  const byRequest = new Map(requests.map((request) => [request.id, request]));
  const read = await readHandPosts(input.postsDir, {
    ...(input.highlight ? { highlight: input.highlight } : {}),
    redaction: input.redaction ?? null,
  });
  const warnings = [...read.warnings];

  const privateRequests = new Map((input.privateRequests ?? []).map((request) => [request.id, request]));
  const handPosts = read.posts.map((hand) => placeHandPost(hand, byRequest, privateRequests, timeline, warnings));
  const visibleHand = handPosts.filter((post) => includeDrafts || !post.draft);
  const answered = new Set<string>();
  for (const post of visibleHand) {
    if (post.request === null) continue;
    if (answered.has(post.request)) {
      warnings.push({ file: post.file ?? "", line: 1, code: "post", message: `another post already answers \`from: ${post.request}\`; both are published` });
    }
    answered.add(post.request);
  }

  const generated: Post[] = [];
  const draft = input.options.generated === "draft";
  const withheld = (file: string, line: number): void =>
    void warnings.push({ file, line, code: "post", message: "this blog request points only at entries the site does not publish: no post is made from it" });
  for (const request of requests) {
    if (answered.has(request.id) || (draft && !includeDrafts)) continue;
    // Its material is private: a post of the bare item would publish the request without it.
    if (request.sources.length === 0 && request.withheld > 0) {
      withheld(request.entry.file, request.todo.line);
      continue;
    }
    generated.push({ ...(await generatePost(request, timeline, input.renderer)), draft });
  }
  for (const request of privateRequests.values()) {
    if (answered.has(request.id) || (draft && !includeDrafts)) continue;
    const post = await generatePrivatePost(request, timeline, input.renderer);
    if (post) generated.push({ ...post, draft });
    else withheld(request.file, request.line);
  }

  const posts = uniqueSlugs([...visibleHand, ...generated]).sort(newestFirst);
  const postForRequest = new Map<string, Post>();
  const postsFromEntry = new Map<string, Post[]>();
  for (const post of posts) {
    if (post.request !== null) postForRequest.set(post.request, post);
    const requestEntry = post.request === null ? null : byRequest.get(post.request)?.entry.id ?? null;
    for (const id of new Set([...post.sources, ...(requestEntry ? [requestEntry] : [])])) {
      postsFromEntry.set(id, [...(postsFromEntry.get(id) ?? []), post]);
    }
  }
  const redacted = read.posts.reduce((sum, post) => sum + post.redacted, 0);
  return { posts, requests, postForRequest, postsFromEntry, warnings, redacted };
}

function placeHandPost(
  hand: HandPost,
  byRequest: Map<string, BlogRequest>,
  privateRequests: Map<string, PrivateBlogRequest>,
  timeline: Timeline,
  warnings: PostWarning[],
): Post {
  const from = hand.from === null ? null : soleRequestOf(hand.from, [...byRequest.keys(), ...privateRequests.keys()]);
  const request = from === null ? undefined : byRequest.get(from);
  const hidden = from === null ? undefined : privateRequests.get(from);
  let sources: Entry[] = [];
  if (request) sources = request.sources.length > 0 ? request.sources : [request.entry];
  else if (hidden) sources = hidden.sources;
  else if (hand.from !== null) {
    const entry = timeline.byId.get(hand.from.split("#")[0]!);
    if (entry) sources = [entry];
    warnings.push({
      file: hand.file,
      line: 1,
      code: "post",
      message: entry
        ? `\`from: ${hand.from}\` is not a blog request (no \`\\TODO: write a blog\` there); the post links to that entry`
        : `\`from: ${hand.from}\` names no entry of the log`,
    });
  }
  const date = hand.date ?? request?.entry.timestamp ?? sources[0]?.timestamp ?? null;
  if (date === null) warnings.push({ file: hand.file, line: 1, code: "post", message: "no `date:` in the front matter; the post is dated with the log's last entry" });
  return {
    slug: hand.slug,
    url: `/blog/${hand.slug}/`,
    title: hand.title,
    date: date ?? timeline.entries.at(-1)?.timestamp ?? "1970-01-01T00:00",
    tags: postTags(hand.tags, timeline),
    html: hand.html,
    text: hand.text,
    sources: sources.map((entry) => entry.id),
    request: request?.id ?? hidden?.id ?? null,
    origin: "hand",
    files: hand.files,
    draft: hand.draft,
    file: hand.file,
  };
}

/**
 * `from:` names the request; naming only its entry is enough when the entry holds exactly one
 * request (`from: "10:37 2012-11-05"` for the seed's item 1-1).
 */
function soleRequestOf(from: string, ids: string[]): string {
  if (ids.includes(from) || from.includes("#")) return from;
  const inEntry = ids.filter((id) => id.startsWith(`${from}#`));
  return inEntry.length === 1 ? inEntry[0]! : from;
}

/** Hand-written posts keep the slug their author chose; later claimants get `-2`, `-3`, … */
function uniqueSlugs(posts: Post[]): Post[] {
  const taken = new Set<string>();
  return posts.map((post) => {
    // `/blog/2/` is the index's second page: a post cannot be called `2`.
    const slug = freeSlug(/^\d+$/.test(post.slug) ? `post-${post.slug}` : post.slug, taken);
    taken.add(slug);
    return slug === post.slug ? post : { ...post, slug, url: `/blog/${slug}/` };
  });
}

function newestFirst(a: Post, b: Post): number {
  return a.date === b.date ? a.title.localeCompare(b.title) : a.date < b.date ? 1 : -1;
}
