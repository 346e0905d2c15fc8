// A blog request's TODO badge links to the post made from it, where the reader meets the
// request. Posts exist only after every entry is rendered (and the render cache keeps bodies
// free of them), so the link is added to the rendered body here, in a copy: the bodies as
// rendered go on to the feeds and the TODO list, and stay what the render cache holds.

import type { Element, ElementContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { visit } from "unist-util-visit";
import type { TodoRow } from "./todo-list.ts";

export interface BadgeLink {
  url: string;
  title: string;
}

/** Entry id → (TODO anchor id → the post answering it), for published posts only. */
export function badgeLinks(rows: readonly TodoRow[]): Map<string, Map<string, BadgeLink>> {
  const byEntry = new Map<string, Map<string, BadgeLink>>();
  for (const row of rows) {
    const anchor = row.url.split("#")[1];
    if (!row.post || row.post.draft || !anchor) continue;
    const links = byEntry.get(row.entry.id) ?? new Map<string, BadgeLink>();
    links.set(anchor, { url: row.post.url, title: row.post.title });
    byEntry.set(row.entry.id, links);
  }
  return byEntry;
}

/** The bodies entry and day pages show: those with a badge answered by a post get its link. */
export function bodiesWithBadgeLinks(bodies: ReadonlyMap<string, string>, rows: readonly TodoRow[]): Map<string, string> {
  const shown = new Map(bodies);
  for (const [id, links] of badgeLinks(rows)) {
    const html = bodies.get(id);
    if (html !== undefined) shown.set(id, linkTodoBadges(html, links));
  }
  return shown;
}

export function linkTodoBadges(html: string, links: ReadonlyMap<string, BadgeLink>): string {
  const tree = fromHtml(html, { fragment: true });
  visit(tree, "element", (element: Element) => {
    const link = typeof element.properties.id === "string" ? links.get(element.properties.id) : undefined;
    if (!link) return;
    const anchor: ElementContent = h("a", { className: ["todo-post"], href: link.url }, `post: ${link.title}`);
    element.children.push({ type: "text", value: " " }, anchor);
  });
  return toHtml(tree);
}
