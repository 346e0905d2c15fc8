// Fenced code in hand-written posts (```shellsession, ```gdb, ```ini, …) becomes the same kind
// of literal block the log's entries have (src/log/fenced-block.ts, which reads a Markdown
// journal's fences too), and goes through the renderer's own transcript and code plugins with
// the build's one highlighter: a post and the entry it grew from look alike, and the token
// classes land in the one renderer stylesheet.

import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { SKIP, visit } from "unist-util-visit";
import { fencedBlock } from "../log/fenced-block.ts";

/** Replaces each fenced `<pre><code class="language-x">` with a block placeholder the renderer's plugins fill in. */
export default function rehypeFencedCode() {
  return (tree: Root): void => {
    visit(tree, "element", (node, index, parent) => {
      if (node.tagName !== "pre" || parent === undefined || index === undefined) return;
      const code = node.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
      if (!code) return;
      // remark ends a fence's text with a newline that is not part of the code.
      const block = fencedBlock(toString(code).replace(/\n$/, ""), languageOf(code));
      const placeholder: Element = { type: "element", tagName: "figure", properties: {}, children: [], data: { dotlogBlock: block } as Element["data"] };
      // The renderer's stylesheet is scoped to `.log-body`; the post's own prose is not log text.
      parent.children[index] = { type: "element", tagName: "div", properties: { className: ["log-body"] }, children: [placeholder] };
      return SKIP;
    });
  };
}

function languageOf(code: Element): string {
  const classes = code.properties.className;
  const name = Array.isArray(classes) ? classes.map(String).find((c) => c.startsWith("language-")) : undefined;
  return name === undefined ? "" : name.slice("language-".length).toLowerCase();
}
