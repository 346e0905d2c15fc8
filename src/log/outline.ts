// Outline items: `1, ` level 1, `1), ` level 2, `(1), ` level 3 (log-format.md, "Body").
// Paths use the author's own numbers; numbering restarts per parent.

import type { BlankNode, Block, BlockNode, BodyNode, ItemNode, LogWarning, MarkerStyle, SourceLine } from "./types.ts";

export interface Marker {
  marker: string; // as written, separator included: `3), `
  style: MarkerStyle;
  number: number;
  level: number;
}

// The 2007 style writes the separator full-width and without a space: `1，`, `(3)，`.
const MARKER = /^(?:(\d{1,3})|(\d{1,3})\)|\((\d{1,3})\)|\(\((\d{1,3})\)\))(?:,(?: +|$)|，[ \t]*)/;

export function matchMarker(text: string): Marker | null {
  const found = MARKER.exec(text);
  if (!found) return null;
  const [marker, comma, paren, parens, doubleParens] = found;
  if (comma !== undefined) return { marker, style: "comma", number: Number(comma), level: 1 };
  if (paren !== undefined) return { marker, style: "paren", number: Number(paren), level: 2 };
  if (parens !== undefined) return { marker, style: "parens", number: Number(parens), level: 3 };
  return { marker, style: "double-parens", number: Number(doubleParens), level: 4 };
}

/** Where each line sits in the outline: the innermost item path, or null before any item. */
export interface Outline {
  body: BodyNode[];
  items: string[];
  itemAt: Map<number, string>;
  warnings: LogWarning[];
}

/**
 * Builds the body tree. `blocks` are the literal blocks already found; their lines become one
 * block node each (a block that starts on a marker line becomes that item's first child).
 */
export function buildOutline(file: string, lines: SourceLine[], blocks: Block[]): Outline {
  const body: BodyNode[] = [];
  const items: string[] = [];
  const itemAt = new Map<number, string>();
  const warnings: LogWarning[] = [];
  const seen = new Set<string>();
  const stack: ItemNode[] = [];
  const blockAt = new Map(blocks.map((block) => [block.line, block]));

  const container = (): BodyNode[] => stack.at(-1)?.children ?? body;
  let skipUntil = 0;

  for (const source of lines) {
    if (source.line <= skipUntil) {
      const open = stack.at(-1);
      if (open) itemAt.set(source.line, open.path);
      continue;
    }
    const marker = matchMarker(source.text);
    if (marker) {
      while (stack.length > 0 && stack.at(-1)!.level >= marker.level) stack.pop();
      const parent = stack.at(-1);
      const path = parent ? `${parent.path}-${marker.number}` : String(marker.number);
      if (seen.has(path)) {
        warnings.push({ file, line: source.line, code: "duplicate-item", message: `item ${path} appears twice in this entry` });
      }
      seen.add(path);
      items.push(path);
      const item: ItemNode = {
        type: "item",
        line: source.line,
        marker: marker.marker,
        style: marker.style,
        number: marker.number,
        level: marker.level,
        path,
        text: source.text.slice(marker.marker.length),
        children: [],
      };
      container().push(item);
      stack.push(item);
      itemAt.set(source.line, path);
      const block = blockAt.get(source.line);
      if (block) {
        // The block holds the rest of the marker line; the item's own text is empty.
        item.text = "";
        item.children.push(blockNode(block));
        skipUntil = block.endLine;
      }
      continue;
    }
    const open = stack.at(-1);
    if (open) itemAt.set(source.line, open.path);
    const block = blockAt.get(source.line);
    if (block) {
      container().push(blockNode(block));
      skipUntil = block.endLine;
    } else if (source.text.trim() === "") {
      container().push({ type: "blank", line: source.line, text: source.text } satisfies BlankNode);
    } else {
      container().push({ type: "text", line: source.line, text: source.text });
    }
  }
  return { body, items, itemAt, warnings };
}

function blockNode(block: Block): BlockNode {
  return { type: "block", line: block.line, block };
}
