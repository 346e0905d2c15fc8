// The blog's page models: post pages, the paginated `/blog/` index, and what other pages
// show of posts (home, tag pages, entry pages).

import type { Entry, Timeline } from "../../log/types.ts";
import { zonedDateTime } from "../pages/local-time.ts";
import { tagUrl } from "../pages/tags.ts";
import type { NeighbourLink, PostLink } from "../pages/types.ts";
import type { Blog } from "./posts.ts";
import { localTime } from "./zoned.ts";

export const BLOG_PAGE_SIZE = 10;

export interface EntryRef {
  id: string;
  url: string;
  title: string;
  timestamp: string;
}

export interface PostPage {
  url: string;
  slug: string;
  title: string;
  date: string; // `2012-11-05`
  time: string; // `10:37`
  datetime: string; // with the zone's offset when known
  html: string;
  summary: string;
  /** `url` is null for a tag no entry carries (it has no page). */
  tags: { key: string; name: string; slug: string; url: string | null }[];
  /** The entries the post is made from, in time order. */
  sources: EntryRef[];
  /** Where the log asked for the post (the item's anchor when it is an item). */
  requestedIn: (EntryRef & { item: string | null }) | null;
  origin: "generated" | "hand";
  draft: boolean;
  prev: NeighbourLink | null;
  next: NeighbourLink | null;
}

export interface BlogChunk {
  pageNumber: number;
  pageCount: number;
  url: string;
  posts: PostPage[];
  pages: { number: number; url: string }[];
}

export function postPages(blog: Blog, timeline: Timeline, timeZone: string): PostPage[] {
  const requests = new Map(blog.requests.map((request) => [request.id, request]));
  const pages = blog.posts.map((post): PostPage => {
    const request = post.request === null ? undefined : requests.get(post.request);
    const [date = "", time = ""] = post.date.split("T");
    return {
      url: post.url,
      slug: post.slug,
      title: post.title,
      date,
      time,
      datetime: zonedDateTime(localTime(post.date), timeZone),
      html: post.html,
      summary: summarize(post.text),
      tags: post.tags.map((tag) => ({ key: tag.key, name: tag.name, slug: tag.slug, url: tag.listed ? tagUrl(tag.slug) : null })),
      sources: post.sources.map((id) => timeline.byId.get(id)).filter((e): e is Entry => e !== undefined).map(entryRef),
      requestedIn: request
        ? {
            ...entryRef(request.entry),
            url: request.item ? `${request.entry.url}#i${request.item.path}` : request.entry.url,
            item: request.item?.path ?? null,
          }
        : null,
      origin: post.origin,
      draft: post.draft,
      prev: null,
      next: null,
    };
  });
  // Newest first: the previous post in time is the next one in the list.
  pages.forEach((page, i) => {
    const older = pages[i + 1];
    const newer = pages[i - 1];
    page.prev = older ? { url: older.url, title: older.title } : null;
    page.next = newer ? { url: newer.url, title: newer.title } : null;
  });
  return pages;
}

export function blogChunks(pages: PostPage[], size = BLOG_PAGE_SIZE): BlogChunk[] {
  const pageCount = Math.max(1, Math.ceil(pages.length / size));
  const url = (n: number) => (n === 1 ? "/blog/" : `/blog/${n}/`);
  const numbers = Array.from({ length: pageCount }, (_, i) => ({ number: i + 1, url: url(i + 1) }));
  return numbers.map(({ number }) => ({
    pageNumber: number,
    pageCount,
    url: url(number),
    posts: pages.slice((number - 1) * size, number * size),
    pages: numbers,
  }));
}

export function postLink(page: PostPage): PostLink {
  return { url: page.url, title: page.title, date: page.date, summary: page.summary };
}

/** Tag key (folded, as the timeline's tags) → the posts carrying it, newest first. */
export function postsByTag(pages: PostPage[]): Record<string, PostLink[]> {
  const byTag: Record<string, PostLink[]> = {};
  for (const page of pages) {
    for (const tag of page.tags) if (tag.url !== null) (byTag[tag.key] ??= []).push(postLink(page));
  }
  return byTag;
}

/** Entry id → the posts made from it or asked for in it. */
export function postsFromEntry(blog: Blog, pages: PostPage[]): Record<string, PostLink[]> {
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  const result: Record<string, PostLink[]> = {};
  for (const [id, posts] of blog.postsFromEntry) {
    result[id] = posts.map((post) => byUrl.get(post.url)).filter((p): p is PostPage => p !== undefined).map(postLink);
  }
  return result;
}

function entryRef(entry: Entry): EntryRef {
  return { id: entry.id, url: entry.url, title: entry.title, timestamp: entry.timestamp };
}

function summarize(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length <= 200 ? flat : `${chars.slice(0, 200).join("").replace(/\s\S*$/, "")}…`;
}
