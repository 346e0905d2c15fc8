// Literal blocks that are not transcripts: config (`[diff]` → ini), scripts (`#!/bin/bash` →
// bash) and code the parser recognised (`c`) highlighted by Shiki; call graphs and indented
// text (`text`) preformatted, unhighlighted, whitespace exact.
import type { Element, ElementContent, Root } from "hast";
import type { Block } from "../log/types.ts";
import { blockFigure, blockLabel, blockPlaceholders, preOf } from "./block-figure.ts";
import type { Highlight } from "./highlight.ts";

export default function rehypeCode(options: { highlight: Highlight }) {
  return async (tree: Root): Promise<void> => {
    for (const { parent, index, block } of blockPlaceholders(tree)) {
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
