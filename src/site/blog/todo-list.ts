// `/todo/`: every TODO of the log, newest first, with its entry, its item and the post made
// from it (if it asked for one and one was made).

import type { Timeline } from "../../log/types.ts";
import { findItem } from "./blog-requests.ts";
import { ownText } from "../pages/model-text.ts";
import { itemTitle } from "./post-title.ts";
import type { Blog } from "./posts.ts";
import type { Post } from "./types.ts";

export interface TodoRow {
  text: string;
  /** The TODO on its entry's page: its own anchor when the rendered body has one. */
  url: string;
  entry: { id: string; url: string; title: string; timestamp: string };
  item: { path: string; text: string; url: string } | null;
  blog: boolean;
  post: Pick<Post, "title" | "url" | "draft"> | null;
}

/**
 * `bodies` are the rendered entries: a TODO links to its own anchor only where the renderer
 * made one (a `<TODO>…</TODO>` written in an entry's header is not in its body).
 */
export function todoRows(timeline: Timeline, blog: Pick<Blog, "postForRequest">, bodies: ReadonlyMap<string, string>): TodoRow[] {
  const anchored = (entryId: string, id: string): boolean => bodies.get(entryId)?.includes(`id="${id}"`) ?? false;
  const rows: TodoRow[] = [];
  for (const entry of timeline.entries.toReversed()) {
    for (const todo of entry.todos) {
      const item = todo.item === null ? null : findItem(entry.body, todo.item);
      const requestId = item === null ? entry.id : `${entry.id}#${item.path}`;
      const post = todo.blog ? (blog.postForRequest.get(requestId) ?? null) : null;
      rows.push({
        text: ownText(todo.text),
        url: anchored(entry.id, `todo-${todo.line}`) ? `${entry.url}#todo-${todo.line}` : entry.url,
        entry: { id: entry.id, url: entry.url, title: entry.title, timestamp: entry.timestamp },
        // The item's own words, unless the TODO is the item's text itself (`1), \TODO: …`).
        item: item === null ? null : { path: item.path, text: item.line === todo.line ? "" : ownText(itemTitle(entry, item)), url: `${entry.url}#i${item.path}` },
        blog: todo.blog,
        post: post === null ? null : { title: post.title, url: post.url, draft: post.draft },
      });
    }
  }
  return rows;
}
