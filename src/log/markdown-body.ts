// The body of a Markdown-era entry → the same tree of lines a `.LOG` entry's body is: the
// ordered list items are its outline items (numbered by the author's numbers, nested as
// Markdown nests them), the fences and indented code its literal blocks, and every other line
// a text line holding what the reader sees of it (the Markdown read: `[text](url)` is `text`,
// `**x**` is `x`, a heading without its `#`). The renderer reads the Markdown itself
// (src/render/markdown-entry.ts); this tree is what search, listings, backlinks, plans and
// blog requests read.

import { fencedBlock } from "./fenced-block.ts";
import { readMarkdown, type MarkdownToken } from "./markdown.ts";
import { isBlank } from "./prose.ts";
import type { Block, BodyNode, ItemNode, LogWarning, SourceLine } from "./types.ts";

export interface MarkdownBody {
  body: BodyNode[];
  items: string[];
  /** The innermost outline item a line sits in, or null. */
  itemAt: (line: number) => string | null;
  blocks: Block[];
  warnings: LogWarning[];
}

interface ItemSpan {
  start: number; // 0-based index into the lines
  end: number; // exclusive
  number: number;
  marker: string;
  path: string;
  level: number;
}

interface CodeSpan {
  start: number;
  end: number;
  block: Block;
}

/**
 * `lines`: the entry's lines after its stamp, in file order without gaps; `hidden`: file lines
 * that are not Markdown of the body (the header and its underline), read as blank lines.
 */
export function readMarkdownBody(file: string, lines: SourceLine[], hidden: ReadonlySet<number>, text = ""): MarkdownBody {
  const first = lines[0]?.line ?? 1;
  const source = lines.map((line) => (hidden.has(line.line) ? "" : line.text)).join("\n");
  const { items, codes, shown } = readTokens(readMarkdown(source), first, lines, text);

  const body: BodyNode[] = [];
  const paths: string[] = [];
  const warnings: LogWarning[] = [];
  const seen = new Set<string>();
  const stack: { span: ItemSpan; node: ItemNode }[] = [];
  let nextItem = 0;
  let nextCode = 0;
  for (let index = 0; index < lines.length; index++) {
    const source = lines[index]!;
    if (hidden.has(source.line)) continue;
    while (stack.length > 0 && stack.at(-1)!.span.end <= index) stack.pop();
    // Items may open on one line (`1. 1. text`): outer first.
    let opened: ItemNode | null = null;
    while (nextItem < items.length && items[nextItem]!.start === index) {
      const span = items[nextItem++]!;
      if (seen.has(span.path)) {
        warnings.push({ file, line: source.line, code: "duplicate-item", message: `item ${span.path} appears twice in this entry` });
      }
      seen.add(span.path);
      paths.push(span.path);
      const node: ItemNode = {
        type: "item",
        line: source.line,
        marker: span.marker,
        style: "markdown",
        number: span.number,
        level: span.level,
        path: span.path,
        text: "",
        children: [],
      };
      (stack.at(-1)?.node.children ?? body).push(node);
      stack.push({ span, node });
      opened = node;
    }
    const container = stack.at(-1)?.node.children ?? body;
    while (nextCode < codes.length && codes[nextCode]!.end <= index) nextCode++;
    const code = codes[nextCode];
    if (code !== undefined && code.start === index) {
      container.push({ type: "block", line: source.line, block: code.block });
      index = code.end - 1;
      continue;
    }
    if (opened) opened.text = shown[index] ?? "";
    else if (isBlank(source.text)) container.push({ type: "blank", line: source.line, text: source.text });
    else container.push({ type: "text", line: source.line, text: shown[index] ?? "" });
  }

  const itemAt = (line: number): string | null => {
    let found: string | null = null;
    // Spans nest and come in order: the last that holds the line is the innermost.
    for (const span of items) {
      if (span.start > line - first) break;
      if (line - first < span.end) found = span.path;
    }
    return found;
  };
  return { body, items: paths, itemAt, blocks: codes.map((code) => code.block), warnings };
}

interface Read {
  items: ItemSpan[];
  codes: CodeSpan[];
  /** What the reader sees of each line that holds inline content, by line index. */
  shown: string[];
}

/** `text`: the text the lines were cut from (RawEntry.body), of which a code block's text is a slice where it can be. */
function readTokens(tokens: MarkdownToken[], first: number, lines: SourceLine[], text: string): Read {
  const items: ItemSpan[] = [];
  const codes: CodeSpan[] = [];
  const shown: string[] = [];
  const lists: boolean[] = []; // ordered?
  const open: (ItemSpan | null)[] = []; // the list items open, null for a bullet
  let row = 0;
  for (const token of tokens) {
    switch (token.type) {
      case "ordered_list_open":
      case "bullet_list_open":
        lists.push(token.type === "ordered_list_open");
        break;
      case "ordered_list_close":
      case "bullet_list_close":
        lists.pop();
        break;
      case "list_item_open": {
        if (!lists.at(-1) || !token.map) {
          open.push(null);
          break;
        }
        const parent = open.findLast((item) => item !== null) ?? null;
        const number = Number(token.info);
        const span: ItemSpan = {
          start: token.map[0],
          end: token.map[1],
          number,
          marker: `${token.info}${token.markup} `,
          path: parent ? `${parent.path}-${number}` : String(number),
          level: (parent?.level ?? 0) + 1,
        };
        items.push(span);
        open.push(span);
        break;
      }
      case "list_item_close":
        open.pop();
        break;
      case "fence":
      case "code_block": {
        if (!token.map) break;
        const [start, end] = token.map;
        const fenced = token.type === "fence";
        // The code's own lines: after the opening fence; a fence left open runs to the end.
        const content = partOf(token.content.replace(/\n$/, ""), text);
        const block = fencedBlock(content, fenced ? (token.info.trim().split(/\s+/)[0] ?? "").toLowerCase() : "", first + start + (fenced ? 1 : 0));
        codes.push({ start, end, block: { ...block, line: first + start, endLine: first + end - 1 } });
        break;
      }
      case "tr_open":
        row = token.map?.[0] ?? row;
        break;
      case "inline":
        readInline(token, token.map?.[0] ?? row, shown);
        break;
    }
  }
  for (const [index, seen] of shown.entries()) if (seen !== undefined) shown[index] = partOf(seen, lines[index]?.text ?? "");
  return { items, codes, shown };
}

/**
 * The text as a slice of its line when the line holds it as it is (most lines: the Markdown only
 * indents or marks them), sharing the log's text as a `.LOG` entry's lines do — what the parse
 * cache keeps once, and no copy of the entry the reader made; otherwise a string of its own.
 */
function partOf(text: string, line: string): string {
  const at = text === "" ? -1 : line.indexOf(text);
  return at < 0 ? text : line.slice(at, at + text.length);
}

/** Adds what the reader sees of one inline run to its lines (a table's cells to their row's line). */
function readInline(token: MarkdownToken, start: number, shown: string[]): void {
  let line = start;
  // Joined once a line, not added to piece by piece: a string built with `+=` keeps its pieces.
  let pieces: string[] = shown[line] === undefined ? [] : [shown[line]!, " "];
  for (const child of token.children ?? []) {
    switch (child.type) {
      case "softbreak":
      case "hardbreak":
        shown[line] = pieces.join("");
        line++;
        pieces = shown[line] === undefined ? [] : [shown[line]!];
        break;
      case "text":
      case "text_special":
      case "code_inline":
        pieces.push(child.content);
        break;
      case "image":
        // An image is shown as its description (it never loads from another site).
        pieces.push(child.content);
        break;
    }
  }
  shown[line] = pieces.join("");
}
