// Fenced code in hand-written posts (```shellsession, ```gdb, …) goes through the same
// highlighter as the log's transcripts, so a post and the entry it grew from look alike.

import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";

/** Highlighted `<pre>` for the code, or null when the language is unknown (kept as plain code). */
export type CodeHighlighter = (code: string, lang: string) => Element | null;

export default function rehypeFencedCode(options: { highlight?: CodeHighlighter | undefined }) {
  return (tree: Root): void => {
    const highlight = options.highlight;
    if (!highlight) return;
    visit(tree, "element", (node, index, parent) => {
      if (node.tagName !== "pre" || parent === undefined || index === undefined) return;
      const code = node.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
      const lang = languageOf(code);
      if (!code || lang === null) return;
      // remark ends a fence's text with a newline that is not part of the code.
      const highlighted = highlight(toString(code).replace(/\n$/, ""), lang);
      if (highlighted) parent.children[index] = highlighted;
    });
  };
}

function languageOf(code: Element | undefined): string | null {
  const classes = code?.properties.className;
  if (!Array.isArray(classes)) return null;
  const name = classes.map(String).find((c) => c.startsWith("language-"));
  return name === undefined ? null : name.slice("language-".length);
}
