// Blog requests: TODOs the parser marked `blog` (their text holds one of `blog.phrases`).
// A request is about the item it sits in or follows, or the whole entry; its material is
// what that item (or entry) references.

import type { BodyNode, Entry, ItemNode, Timeline } from "../../log/types.ts";
import type { BlogRequest } from "./types.ts";

export function findBlogRequests(timeline: Timeline): BlogRequest[] {
  const requests: BlogRequest[] = [];
  const seen = new Set<string>();
  for (const entry of timeline.entries) {
    for (const todo of entry.todos) {
      if (!todo.blog) continue;
      const item = todo.item === null ? null : findItem(entry.body, todo.item);
      const id = item === null ? entry.id : `${entry.id}#${item.path}`;
      // Two blog TODOs under one item ask for one post.
      if (seen.has(id)) continue;
      seen.add(id);
      const path = item?.path ?? null;
      const withheld = entry.references.filter((r) => r.excluded && (path === null || insideItem(r.fromItem, path))).length;
      requests.push({ id, entry, todo, item, sources: sourcesOf(entry, path, timeline), withheld });
    }
  }
  return requests;
}

export function findItem(nodes: BodyNode[], path: string): ItemNode | null {
  for (const node of nodes) {
    if (node.type !== "item") continue;
    if (node.path === path) return node;
    if (path.startsWith(`${node.path}-`)) {
      const inner = findItem(node.children, path);
      if (inner) return inner;
    }
  }
  return null;
}

/** The entries referenced from the item (its sub-items included) or from the whole entry. */
function sourcesOf(entry: Entry, path: string | null, timeline: Timeline): Entry[] {
  const ids = new Set<string>();
  for (const reference of entry.references) {
    if (reference.resolved === null || reference.resolved === entry.id) continue;
    if (path !== null && !insideItem(reference.fromItem, path)) continue;
    ids.add(reference.resolved);
  }
  // timeline.entries is in time order: filtering it keeps that order.
  return timeline.entries.filter((candidate) => ids.has(candidate.id));
}

function insideItem(itemPath: string | null, path: string): boolean {
  return itemPath !== null && (itemPath === path || itemPath.startsWith(`${path}-`));
}
