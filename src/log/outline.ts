// Outline items: `1, ` level 1, `1), ` level 2, `(1), ` level 3 (log-format.md, "Body").
// Paths use the author's own numbers; numbering restarts per parent.

import { isBlank } from "./prose.ts";
import type { BlankNode, Block, BlockNode, BodyNode, ItemNode, LogWarning, MarkerStyle, SourceLine } from "./types.ts";

export interface Marker {
  marker: string; // as written, separator included: `3), `
  style: MarkerStyle;
  number: number;
  level: number;
}

// The 2007 style writes the separator full-width and without a space: `1，`, `(3)，`.
const MARKER = /^(?:(\d{1,3})|(\d{1,3})\)|\((\d{1,3})\)|\(\((\d{1,3})\)\))(?:,(?: +|$)|，[ \t]*)/;

const OPEN_PAREN = 0x28;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

export function matchMarker(text: string): Marker | null {
  // A marker starts with a digit or `(`; every line is asked, most start otherwise.
  const first = text.charCodeAt(0);
  if (first !== OPEN_PAREN && !(first >= DIGIT_0 && first <= DIGIT_9)) return null;
  const found = MARKER.exec(text);
  if (!found) return null;
  const [marker, comma, paren, parens, doubleParens] = found;
  if (comma !== undefined) return { marker, style: "comma", number: Number(comma), level: 1 };
  if (paren !== undefined) return { marker, style: "paren", number: Number(paren), level: 2 };
  if (parens !== undefined) return { marker, style: "parens", number: Number(parens), level: 3 };
  return { marker, style: "double-parens", number: Number(doubleParens), level: 4 };
}

export interface Outline {
  body: BodyNode[];
  items: string[];
  /** Where a line sits in the outline: the innermost item path, or null before any item. */
  itemAt: (line: number) => string | null;
  warnings: LogWarning[];
}

/**
 * Builds the body tree. `blocks` are the literal blocks already found; their lines become one
 * block node each (a block that starts on a marker line becomes that item's first child).
 */
export function buildOutline(file: string, lines: SourceLine[], blocks: Block[]): Outline {
  const body: BodyNode[] = [];
  const items: string[] = [];
  const itemLines: number[] = [];
  const warnings: LogWarning[] = [];
  const seen = new Set<string>();
  const stack: ItemNode[] = [];
  // Blocks come in line order: the next one is the only one a line can start. (Plain code
  // rather than closures: run through tsx, each closure made costs a name for every entry.)
  let nextBlock = 0;
  let skipUntil = 0;

  for (const source of lines) {
    if (source.line <= skipUntil) continue;
    while (nextBlock < blocks.length && blocks[nextBlock]!.line < source.line) nextBlock++;
    const block = blocks[nextBlock]?.line === source.line ? blocks[nextBlock] : undefined;
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
      itemLines.push(source.line);
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
      (parent?.children ?? body).push(item);
      stack.push(item);
      if (block) {
        // The block holds the rest of the marker line; the item's own text is empty.
        item.text = "";
        item.children.push(blockNode(block));
        skipUntil = block.endLine;
      }
      continue;
    }
    const container = stack.at(-1)?.children ?? body;
    if (block) {
      container.push(blockNode(block));
      skipUntil = block.endLine;
    } else if (isBlank(source.text)) {
      container.push({ type: "blank", line: source.line, text: source.text } satisfies BlankNode);
    } else {
      container.push({ type: "text", line: source.line, text: source.text });
    }
  }
  // Every line belongs to the item started last above it (lines without a marker continue
  // it), so the item lines answer for all lines without a table of them.
  const itemAt = (line: number): string | null => {
    let low = 0;
    let high = itemLines.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (itemLines[middle]! <= line) low = middle + 1;
      else high = middle;
    }
    return low === 0 ? null : items[low - 1]!;
  };
  return { body, items, itemAt, warnings };
}

function blockNode(block: Block): BlockNode {
  return { type: "block", line: block.line, block };
}
