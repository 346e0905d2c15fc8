// A post's text for search and summaries: what a reader sees, with block elements kept apart
// (hast-util-to-string runs a heading into the paragraph after it).

import type { Nodes } from "hast";

const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
  "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section",
  "table", "td", "th", "tr", "ul",
]);

export function plainText(node: Nodes): string {
  const parts: string[] = [];
  const walk = (current: Nodes): void => {
    if (current.type === "text") parts.push(current.value);
    if (current.type !== "element" && current.type !== "root") return;
    const block = current.type === "element" && BLOCKS.has(current.tagName);
    if (block) parts.push("\n");
    for (const child of current.children) walk(child);
    if (block) parts.push("\n");
  };
  walk(node);
  return parts.join("").replace(/[ \t]*\n[\s]*/g, "\n").trim();
}
