// Shared by the inline plugins: the parser found each construct at a (line, column, length);
// this cuts the text node holding that range into text · construct · text. A range that does
// not sit inside one text node is left alone, so no text is ever lost.
import type { Nodes, Parent, PhrasingContent, Root, Text } from "mdast";
import { lineText } from "./body-to-mdast.ts";

export interface InlineRange {
  line: number;
  column: number; // 0-based UTF-16 offset in the file line
  length: number;
  /** The construct node wrapping `text` (the range's own text node). */
  build(text: Text): PhrasingContent;
}

const CUT_IN = new Set(["paragraph", "emphasis", "strong", "delete", "heading", "tableCell"]);

export function placeInline(tree: Root, ranges: InlineRange[]): void {
  if (ranges.length === 0) return;
  const byLine = new Map<number, InlineRange[]>();
  for (const range of ranges) {
    const list = byLine.get(range.line) ?? [];
    list.push(range);
    byLine.set(range.line, list);
  }
  for (const list of byLine.values()) list.sort((a, b) => a.column - b.column);

  // A plain walk (each inline plugin calls this once an entry): only text directly in a
  // paragraph (or, in a Markdown entry, in emphasis, a heading or a table cell) is cut — never
  // a link's or a construct's own text — and the pieces put in its place are not looked at again.
  const cut = (node: Text, index: number, parent: Parent): number => {
    if (!node.position) return 1;
    const line = node.position.start.line;
    const start = node.position.start.column - 1;
    const end = start + node.value.length;
    const inside = (byLine.get(line) ?? []).filter((r) => r.column >= start && r.column + r.length <= end);
    if (inside.length === 0) return 1;
    const pieces: PhrasingContent[] = [];
    let at = start;
    for (const range of inside) {
      if (range.column < at) continue; // overlaps the previous one: keep the first
      if (range.column > at) pieces.push(lineText(node.value.slice(at - start, range.column - start), line, at));
      const own = node.value.slice(range.column - start, range.column - start + range.length);
      pieces.push(range.build(lineText(own, line, range.column)));
      at = range.column + range.length;
    }
    if (at < end) pieces.push(lineText(node.value.slice(at - start), line, at));
    parent.children.splice(index, 1, ...pieces);
    return pieces.length;
  };
  const walk = (node: Nodes): void => {
    if (!("children" in node)) return;
    const children: Nodes[] = node.children;
    for (let index = 0; index < children.length; ) {
      const child = children[index]!;
      if (child.type === "text" && CUT_IN.has(node.type)) index += cut(child, index, node as Parent);
      else {
        walk(child);
        index++;
      }
    }
  };
  walk(tree);
}
