// A Markdown-era entry's body → mdast. The Markdown is read by the log's own reader
// (src/log/markdown.ts, markdown-it) and its tokens become mdast nodes, so that the rest of the
// pipeline — the construct plugins, remark-rehype, the transcript and code plugins — is the
// one every entry and hand-written post goes through. Ordered list items become the log's
// outline items (`logItem`, anchored `i2-1` by the parser's path, the author's number shown as
// the marker), fences the parser's literal blocks, and each text node carries the file line and
// column it was read from, so references, URLs, item times and TODOs are placed as in a `.LOG`
// entry. A text whose Markdown differs from what it shows (an escape, an entity) gets no
// position: nothing is placed inside it, and its text is kept.
import type { Heading, Link, List, ListItem, Paragraph, Parent, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text } from "mdast";
import { fencedBlock } from "../log/fenced-block.ts";
import { readMarkdown, type MarkdownToken } from "../log/markdown.ts";
import { isSafeHref } from "../log/urls.ts";
import type { Block, BodyNode, Entry, ItemNode } from "../log/types.ts";
import { lineText } from "./body-to-mdast.ts";
import type { LogBlock, LogItem, LogMarker, LogOutline } from "./nodes.ts";

/** The Markdown lines the body holds, as the renderer reads them. */
interface Source {
  /** File line of source line 0. */
  first: number;
  lines: string[];
  /** Columns taken off each line's start (the indentation of an item shown alone). */
  dedent: number[];
}

export function markdownToMdast(entry: Entry): Root {
  const source = bodySource(entry);
  const items = new Map<number, ItemNode>();
  collectItems(entry.body, items);
  const blocks = new Map(entry.blocks.map((block) => [block.line, block]));
  const root: Root = { type: "root", children: [] };
  convert(readMarkdown(source.lines.join("\n")), root, { source, items, blocks, rowColumn: 0 });
  return root;
}

/**
 * The lines of the body tree, read from the entry's text; other lines (the stamp, the header and
 * its underline, what a blog post leaves out of the entry) are blank. A body that is one item
 * of a deeper level (a post made of item 2-1) is read without its indentation.
 */
function bodySource(entry: Entry): Source {
  const raw = entry.raw.split(/\r\n|\n|\r/);
  const kept = new Set<number>();
  collectLines(entry.body, kept);
  const first = entry.line;
  const head = entry.body[0];
  const indent = head?.type === "item" ? (/^[ \t]*/.exec(raw[head.line - first] ?? "")?.[0].length ?? 0) : 0;
  const lines: string[] = [];
  const dedent: number[] = [];
  for (const [index, text] of raw.entries()) {
    if (!kept.has(first + index)) {
      lines.push("");
      dedent.push(0);
      continue;
    }
    const cut = indent === 0 ? 0 : Math.min(indent, /^ */.exec(text)![0].length);
    // Markdown reads a NUL as U+FFFD (CommonMark does, for safety): texts are found as read.
    lines.push(text.slice(cut).replaceAll("\0", "\uFFFD"));
    dedent.push(cut);
  }
  return { first, lines, dedent };
}

function collectLines(nodes: BodyNode[], lines: Set<number>): void {
  for (const node of nodes) {
    if (node.type === "block") for (let line = node.block.line; line <= node.block.endLine; line++) lines.add(line);
    else lines.add(node.line);
    if (node.type === "item") collectLines(node.children, lines);
  }
}

function collectItems(nodes: BodyNode[], items: Map<number, ItemNode>): void {
  for (const node of nodes) {
    if (node.type !== "item") continue;
    // Two items on one line (`1. 1. text`): the outer one, whose line it is first.
    if (!items.has(node.line)) items.set(node.line, node);
    collectItems(node.children, items);
  }
}

interface Context {
  source: Source;
  items: Map<number, ItemNode>;
  blocks: Map<number, Block>;
  /** Where the next cell of a table row is looked for. */
  rowColumn: number;
}

type Container = Parent & { children: RootContent[] };

// The converters below are named functions that take their state, not closures made per entry:
// run through tsx, every function made gets a name set at run time (~0.1 s at 10,000 entries).
function convert(tokens: MarkdownToken[], root: Root, context: Context): void {
  const stack: Container[] = [root as Container];
  const anchored = new Set<string>();
  let row = 0;
  for (const token of tokens) {
    const line = token.map ? context.source.first + token.map[0] : null;
    switch (token.type) {
      case "ordered_list_open": {
        const start = Number(token.attrGet("start") ?? 1);
        open(stack, {
          type: "logOutline",
          level: outlineDepth(stack) + 1,
          children: [],
          data: { hName: "ol", hProperties: { className: ["outline", "outline-markdown"], ...(start !== 1 ? { start } : {}) } },
        } as LogOutline as Container);
        break;
      }
      case "bullet_list_open":
        open(stack, { type: "list", ordered: false, spread: false, children: [] } as List as Container);
        break;
      case "list_item_open":
        if (top(stack).type === "logOutline") open(stack, outlineItem(token, line, context, anchored) as Container);
        else open(stack, { type: "listItem", spread: false, children: [] } as ListItem as Container);
        break;
      case "blockquote_open":
        open(stack, { type: "blockquote", children: [] } as Container);
        break;
      case "heading_open":
        open(stack, { type: "heading", depth: Number(token.tag.slice(1)) as Heading["depth"], children: [] } as Heading as Container);
        break;
      case "paragraph_open":
        open(stack, { type: "paragraph", children: [] } as Paragraph as Container);
        break;
      case "table_open":
        open(stack, { type: "table", align: [], children: [] } as Table as Container);
        break;
      case "tr_open":
        row = token.map?.[0] ?? row;
        context.rowColumn = 0;
        open(stack, { type: "tableRow", children: [] } as TableRow as Container);
        break;
      case "th_open":
      case "td_open": {
        // remark-rehype makes as many cells a row as the table has alignments.
        const table = innermostTable(stack);
        if (token.type === "th_open" && table) table.align!.push(alignOf(token.attrGet("style")));
        open(stack, { type: "tableCell", children: [] } as TableCell as Container);
        break;
      }
      case "ordered_list_close":
      case "bullet_list_close":
      case "list_item_close":
      case "blockquote_close":
      case "heading_close":
      case "paragraph_close":
      case "table_close":
      case "tr_close":
      case "th_close":
      case "td_close":
        stack.pop();
        break;
      case "hr":
        top(stack).children.push({ type: "thematicBreak" });
        break;
      case "fence":
      case "code_block":
        top(stack).children.push(codeBlock(token, line ?? context.source.first, context));
        break;
      case "inline":
        addInline(top(stack), token, token.map?.[0] ?? row, context);
        break;
    }
  }
  markMarkers(root);
}

function top(stack: Container[]): Container {
  return stack.at(-1)!;
}

function open(stack: Container[], node: Container): void {
  top(stack).children.push(node as RootContent);
  stack.push(node);
}

function outlineDepth(stack: Container[]): number {
  let depth = 0;
  for (const node of stack) if (node.type === "logOutline") depth++;
  return depth;
}

function innermostTable(stack: Container[]): Table | undefined {
  for (let index = stack.length - 1; index >= 0; index--) if (stack[index]!.type === "table") return stack[index] as Table;
  return undefined;
}

function alignOf(style: string | null): Table["align"] extends (infer A)[] | null | undefined ? A : never {
  const found = /text-align:(left|right|center)/.exec(style ?? "");
  return (found?.[1] as "left" | "right" | "center" | undefined) ?? null;
}

/** An ordered list item: the parser's outline item at its line gives its path and anchor. */
function outlineItem(token: MarkdownToken, line: number | null, context: Context, anchored: Set<string>): LogItem {
  const item = line === null ? undefined : context.items.get(line);
  const marker = item?.marker ?? `${token.info}${token.markup} `;
  const path = item?.path ?? "";
  const anchor = path !== "" && !anchored.has(path);
  if (anchor) anchored.add(path);
  return {
    type: "logItem",
    path,
    marker,
    children: [],
    data: { hName: "li", hProperties: { ...(anchor ? { id: `i${path}` } : {}), className: ["item"] } },
  };
}

/** Each outline item shows the author's number as its marker, before its own first text. */
function markMarkers(node: Parent): void {
  for (const child of node.children) {
    if (child.type === "logItem") {
      const marker: LogMarker = { type: "logMarker", children: [{ type: "text", value: child.marker }], data: { hName: "span", hProperties: { className: ["marker"] } } };
      const own = child.children[0];
      if (own?.type === "paragraph") own.children.unshift(marker);
      else child.children.unshift({ type: "paragraph", children: [marker] });
    }
    if ("children" in child) markMarkers(child as Parent);
  }
}

function codeBlock(token: MarkdownToken, line: number, context: Context): LogBlock {
  // The parser made this block from the same lines; a body cut down (a blog post's item) may
  // meet a fence the parser's list does not hold at that line.
  const lang = token.type === "fence" ? (token.info.trim().split(/\s+/)[0] ?? "").toLowerCase() : "";
  const block = context.blocks.get(line) ?? fencedBlock(token.content.replace(/\n$/, ""), lang, line + (token.type === "fence" ? 1 : 0));
  return { type: "logBlock", block };
}

/** Where the next text of a line is looked for: what was placed before it is passed. */
interface Cursor {
  line: number; // source line
  column: number;
}

/** One inline run being converted: the nodes open, where its text is looked for, and the text not yet placed. */
interface InlineState {
  stack: Parent[];
  cursor: Cursor;
  context: Context;
  /** A run of text as written (a backslash before a letter, `\TODO`, is written as it shows): one text node, found in its line at once. */
  written: string;
}

function addInline(parent: Container, token: MarkdownToken, line: number, context: Context): void {
  // Cells of one row share its line: each is looked for after the one before.
  const state: InlineState = { stack: [parent], cursor: { line, column: parent.type === "tableCell" ? context.rowColumn : 0 }, context, written: "" };
  const { cursor } = state;
  for (const child of token.children ?? []) {
    if (child.type === "text" || (child.type === "text_special" && child.content === child.markup)) {
      state.written += child.content;
      continue;
    }
    flush(state);
    switch (child.type) {
      case "text_special":
        push(state, { type: "text", value: child.content });
        skip(child.markup, cursor, context);
        break;
      case "code_inline":
        push(state, { type: "inlineCode", value: child.content });
        skip(child.content, cursor, context);
        break;
      case "softbreak":
        push(state, { type: "text", value: "\n" });
        cursor.line++;
        cursor.column = 0;
        break;
      case "hardbreak":
        push(state, { type: "break" });
        cursor.line++;
        cursor.column = 0;
        break;
      case "em_open":
        enter(state, { type: "emphasis", children: [] });
        break;
      case "strong_open":
        enter(state, { type: "strong", children: [] });
        break;
      case "s_open":
        enter(state, { type: "delete", children: [] });
        break;
      case "link_open": {
        const title = child.attrGet("title");
        enter(state, { type: "link", url: child.attrGet("href") ?? "", title: title ?? null, children: [] } as Link);
        break;
      }
      case "em_close":
      case "strong_close":
      case "s_close":
      case "link_close":
        state.stack.pop();
        break;
      case "image":
        push(state, imageLink(child));
        skip(child.content, cursor, context);
        break;
    }
  }
  flush(state);
  if (parent.type === "tableCell") context.rowColumn = cursor.column;
}

function push(state: InlineState, node: PhrasingContent): void {
  (state.stack.at(-1)!.children as PhrasingContent[]).push(node);
}

function enter(state: InlineState, node: PhrasingContent & Parent): void {
  push(state, node);
  state.stack.push(node);
}

function flush(state: InlineState): void {
  if (state.written !== "") push(state, locatedText(state.written, state.cursor, state.context));
  state.written = "";
}

/**
 * An image is shown as a link to it, its description the link's text: the site loads nothing
 * from another origin (`default-src 'self'`), and a Markdown entry's files are not published.
 */
function imageLink(token: MarkdownToken): PhrasingContent {
  const src = token.attrGet("src") ?? "";
  const text: Text = { type: "text", value: token.content || src };
  if (src === "" || !isSafeHref(src)) return text;
  return { type: "link", url: src, title: token.attrGet("title") ?? null, children: [text], data: { hProperties: { className: ["image-link"] } } };
}

/** A text node with the file line and column its text was read from, when that text is there as written. */
function locatedText(value: string, cursor: Cursor, context: Context): Text {
  const { source } = context;
  const text = source.lines[cursor.line] ?? "";
  const at = text.indexOf(value, cursor.column);
  if (at < 0 || value === "") return { type: "text", value };
  cursor.column = at + value.length;
  return lineText(value, source.first + cursor.line, at + (source.dedent[cursor.line] ?? 0));
}

function skip(written: string, cursor: Cursor, context: Context): void {
  const text = context.source.lines[cursor.line] ?? "";
  const at = written === "" ? -1 : text.indexOf(written, cursor.column);
  if (at >= 0) cursor.column = at + written.length;
}
