// Blog requests written inside excluded entries. Plans (`GTD`) are where requests live and
// plans are usually private, yet a request is the author's explicit wish to publish: it still
// makes a post, from the public entries it points at, showing nothing of the excluded entry
// but the item's own title text.

import type { Entry, Timeline } from "../../log/index.ts";
import { findBlogRequests } from "../blog/blog-requests.ts";
import { itemTitle } from "../blog/post-title.ts";

/** What the blog may know of a request in an excluded entry. */
export interface PrivateBlogRequest {
  /** `2012-11-05T10:37#1-1`, the name a hand-written post's `from:` gives; never shown. */
  id: string;
  /** The requesting item's own words (`armv8 and arm server`); "" for a request on a whole entry. */
  title: string;
  /** The public entries it points at, in time order; empty: no post, and a warning. */
  sources: Entry[];
  /** Where the request is written, for that warning in the build report (never on a page). */
  file: string;
  line: number;
}

/** The blog requests of `excluded` entries, their sources limited to the public timeline. */
export function privateBlogRequests(timeline: Timeline, excluded: ReadonlySet<string>, published: Timeline): PrivateBlogRequest[] {
  if (excluded.size === 0) return [];
  return findBlogRequests(timeline)
    .filter((request) => excluded.has(request.entry.id))
    .map((request) => ({
      id: request.id,
      // A request on the whole entry has no words of its own; the entry's title is private.
      title: request.item === null ? "" : itemTitle(request.entry, request.item),
      sources: request.sources.flatMap((source) => published.byId.get(source.id) ?? []),
      file: request.entry.file,
      line: request.todo.line,
    }));
}
