// Reading the built tags index (`/tags/`) in site tests: which tags it lists where, and how.

import type { Element, Root } from "hast";
import { find, findAll, hasClass, isTag, readPage, text } from "./html.ts";

export interface ListedTag {
  href: string;
  name: string;
  /** The count shown beside it; null in a line of tags used once, which shows none. */
  count: number | null;
  /** Listed in a line of tags used once. */
  once: boolean;
  /** Inside a details element that is not open. */
  folded: boolean;
}

export interface TagsPage {
  tree: Root;
  /** The tags the topics and the letters list (the most used, listed again on top, not among them). */
  listed: ListedTag[];
  mostUsed: ListedTag[];
  /** The jump list's links: label and fragment. */
  jumps: { label: string; fragment: string }[];
  /** The ids of the letter headings, in page order. */
  letterIds: string[];
}

export function readTagsPage(outDir: string, url = "/tags/"): TagsPage {
  const tree = readPage(outDir, url);
  const main = find(tree, isTag("main"))!;
  const topics = find(main, hasClass("tag-topics"));
  const letters = find(main, hasClass("tag-letters"));
  const mostUsed = find(main, hasClass("tag-most-used"));
  const jumpList = letters ? find(letters, hasClass("jump-list")) : undefined;
  return {
    tree,
    listed: [...(topics ? tagLinks(topics) : []), ...(letters ? tagLinks(letters, jumpList) : [])],
    mostUsed: mostUsed ? tagLinks(mostUsed) : [],
    jumps: jumpList ? findAll(jumpList, isTag("a")).map((a) => ({ label: text(a), fragment: String(a.properties.href).replace(/^#/, "") })) : [],
    letterIds: letters ? findAll(letters, (el) => el.tagName === "h3").map((h) => String(h.properties.id)) : [],
  };
}

/** Links to tag pages under `root`, each with what surrounds it. */
function tagLinks(root: Element, skip?: Element): ListedTag[] {
  const found: ListedTag[] = [];
  const walk = (node: Element, folded: boolean, once: boolean) => {
    if (node === skip) return;
    const nowFolded = folded || (node.tagName === "details" && node.properties.open === undefined);
    const nowOnce = once || hasClass("once")(node);
    node.children.forEach((child, i) => {
      if (child.type !== "element") return;
      if (child.tagName === "a" && String(child.properties.href).includes("/tags/")) {
        found.push({ href: String(child.properties.href), name: nameOf(child), count: countOf(child, node.children.slice(i + 1)), once: nowOnce, folded: nowFolded });
      } else if (child.tagName !== "summary") walk(child, nowFolded, nowOnce);
    });
  };
  walk(root, false, false);
  return found;
}

/** A link's text without the count inside it (`virtualization 32` in a tag cloud). */
function nameOf(a: Element): string {
  return text({ ...a, children: a.children.filter((c) => !(c.type === "element" && hasClass("count")(c))) });
}

/** The count inside the link (a tag cloud) or right after it (the tree). */
function countOf(a: Element, after: Root["children"]): number | null {
  const inside = find(a, hasClass("count"));
  const next = after.find((node) => node.type === "element") as Element | undefined;
  const span = inside ?? (next && hasClass("count")(next) ? next : undefined);
  return span ? Number(text(span)) : null;
}
