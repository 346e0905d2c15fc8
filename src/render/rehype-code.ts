// Literal blocks that are not transcripts: config (`[diff]` → ini), scripts (`#!/bin/bash` →
// bash) and code the parser recognised (`c`) highlighted by Shiki; call graphs and indented
// text (`text`) preformatted, unhighlighted, whitespace exact.
import type { Element, ElementContent, Root } from "hast";
import { SKIP, visit } from "unist-util-visit";
import type { Block } from "../log/types.ts";
import { blockFigure, blockLabel, preOf } from "./block-figure.ts";
import type { Highlight } from "./highlight.ts";

export default function rehypeCode(options: { highlight: Highlight }) {
  return async (tree: Root): Promise<void> => {
    const pending: { parent: Element | Root; index: number; block: Block }[] = [];
    visit(tree, "element", (node, index, parent) => {
      const block = node.data?.dotlogBlock;
      if (!block || !parent || index === undefined) return;
      pending.push({ parent, index, block });
      return SKIP;
    });
    for (const { parent, index, block } of pending) {
      const className = (parent.children[index] as Element).properties.className;
      parent.children[index] = await codeFigure(block, options.highlight, { className });
    }
  };
}

export async function codeFigure(block: Block, highlight: Highlight, extra: Element["properties"] = {}): Promise<Element> {
  const label = blockLabel(block);
  const highlighted = block.lang === "text" ? null : await highlight.highlight(block.text, block.lang);
  const lines: ElementContent[][] = highlighted
    ? highlighted.lines
    : block.text.split("\n").map((line) => [{ type: "text", value: line }]);
  const pre = preOf(highlighted ? highlighted.pre : { className: ["plain"] }, lines);
  return blockFigure(block, label, pre, null, extra);
}
