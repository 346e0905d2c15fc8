// Atom feeds: the posts (`/feed.xml`), the log's latest entries (`/entries.xml`) and one per tag
// (`/tags/<slug>/feed.xml`, its entries and posts). Absolute URLs, dates with the site zone's
// offset; drafts never reach a feed. Posts and the latest entries carry their full content; tag
// feeds give entries a summary, since a decade of logs has thousands of tags and full content
// would write the log out again a dozen times.

import type { Timeline } from "../../log/types.ts";
import type { SiteOptions } from "../options.ts";
import { ownText } from "../pages/model-text.ts";
import { summarize } from "../pages/summary.ts";
import { tagUrl } from "../pages/tags.ts";
import { absoluteSiteUrl, withAbsoluteUrls } from "./absolute-urls.ts";
import type { PostPage } from "./blog-pages.ts";
import { rfc3339 } from "./zoned.ts";


export const FEED_SIZE = 20;

// XML 1.0 has no way to write these, not even escaped: a title with a stray control character
// or a lone surrogate from a damaged log would make the whole feed unreadable.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML can carry it: characters it cannot hold become U+FFFD, visibly, never dropped. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, "\uFFFD");
}

export interface FeedItem {
  /** The item's absolute URL: stable, since entry and post URLs are. */
  id: string;
  title: string;
  url: string;
  updated: string;
  /** Full content, or null for a summary-only item. */
  html: string | null;
  summary: string | null;
  categories: string[];
}

export interface Feed {
  /** Output path, root-relative: `/feed.xml`. */
  path: string;
  id: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  homeUrl: string;
  author: string;
  updated: string;
  items: FeedItem[];
}

export interface FeedInput {
  posts: PostPage[];
  timeline: Timeline;
  bodies: ReadonlyMap<string, string>;
  options: Pick<SiteOptions, "baseUrl" | "pathPrefix" | "timeZone" | "title" | "author" | "description">;
}

export const POSTS_FEED = "/feed.xml";
export const ENTRIES_FEED = "/entries.xml";
export const tagFeedPath = (slug: string): string => `${tagUrl(slug)}feed.xml`;

export function buildFeeds({ posts, timeline, bodies, options }: FeedInput): Feed[] {
  const abs = (url: string) => absoluteSiteUrl(url, "/", options);
  const published = posts.filter((post) => !post.draft);
  // An entry shows up in several feeds: make its absolute HTML once.
  const entryItems = new Map<string, FeedItem>();
  const entryItem = (id: string): FeedItem | null => {
    const entry = timeline.byId.get(id);
    if (!entry) return null;
    let item = entryItems.get(id);
    if (!item) {
      item = {
        id: abs(entry.url),
        title: xmlText(entry.title),
        url: abs(entry.url),
        updated: rfc3339(entry.timestamp, options.timeZone),
        html: xmlText(withAbsoluteUrls(bodies.get(id) ?? "", entry.url, options)),
        summary: null,
        categories: entry.tags.map(xmlText),
      };
      entryItems.set(id, item);
    }
    return item;
  };
  const summaryItems = new Map<string, FeedItem>();
  const entrySummaryItem = (id: string): FeedItem | null => {
    const entry = timeline.byId.get(id);
    if (!entry) return null;
    const known = summaryItems.get(id);
    if (known) return known;
    const item: FeedItem = {
      id: abs(entry.url),
      title: xmlText(entry.title),
      url: abs(entry.url),
      updated: rfc3339(entry.timestamp, options.timeZone),
      html: null,
      summary: ownText(xmlText(summarize(entry) || entry.title)),
      categories: entry.tags.map(xmlText),
    };
    summaryItems.set(id, item);
    return item;
  };
  const postItem = (post: PostPage): FeedItem => ({
    id: abs(post.url),
    title: xmlText(post.title),
    url: abs(post.url),
    updated: rfc3339(`${post.date}T${post.time}`, options.timeZone),
    html: xmlText(withAbsoluteUrls(post.html, post.url, options)),
    summary: null,
    categories: post.tags.map((tag) => xmlText(tag.name)),
  });
  const postItems = new Map(published.map((post) => [post.url, postItem(post)]));
  const newest = timeline.entries.at(-1)?.timestamp ?? "1970-01-01T00:00";
  const feed = (path: string, title: string, subtitle: string, home: string, items: FeedItem[]): Feed => ({
    path,
    id: abs(path),
    title: xmlText(title),
    subtitle: xmlText(subtitle),
    selfUrl: abs(path),
    homeUrl: abs(home),
    author: options.author || options.title,
    // Atom wants a feed date even when the feed is empty.
    updated: items.map((item) => item.updated).sort().at(-1) ?? rfc3339(newest, options.timeZone),
    items,
  });

  const feeds = [
    feed(POSTS_FEED, `${options.title}: posts`, options.description, "/blog/", [...postItems.values()].slice(0, FEED_SIZE)),
    feed(
      ENTRIES_FEED,
      `${options.title}: latest entries`,
      options.description,
      "/",
      timeline.entries.slice(-FEED_SIZE).reverse().map((e) => entryItem(e.id)!),
    ),
  ];
  for (const tag of timeline.tags.values()) {
    const entries = tag.entries.slice(-FEED_SIZE).map((id) => ({ date: timeline.byId.get(id)?.timestamp ?? "", item: () => entrySummaryItem(id) }));
    const tagged = published
      .filter((post) => post.tags.some((t) => t.slug === tag.slug))
      .map((post) => ({ date: `${post.date}T${post.time}`, item: () => postItems.get(post.url)! }));
    const items = [...entries, ...tagged]
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
      .slice(0, FEED_SIZE)
      .map((candidate) => candidate.item())
      .filter((item): item is FeedItem => item !== null);
    feeds.push(feed(tagFeedPath(tag.slug), `${options.title}: ${tag.name}`, `Entries and posts tagged ${tag.name}`, tagUrl(tag.slug), items));
  }
  return feeds;
}
