// One entry's text → its parsed fields. Pure and total: whatever the text, it returns fields
// and warnings; ids, slugs, urls and reference resolution belong to the timeline.

import { findBlocks } from "./blocks.ts";
import { exactFields } from "./exact.ts";
import { readHeader, type HeaderFields } from "./header.ts";
import { readMarkdownBody } from "./markdown-body.ts";
import { readMarkdownHeader, untitledMarkdown } from "./markdown-header.ts";
import { findInsertions } from "./insertions.ts";
import { buildOutline, type Outline } from "./outline.ts";
import { isPlanHeader, readPlan } from "./plan.ts";
import { scanReferences } from "./references.ts";
import { asksForBlog, DEFAULT_BLOG_PHRASES, findTodos } from "./todos.ts";
import { findUrls } from "./urls.ts";
import type { Block, BodyNode, DateOrder, ItemNode, LogWarning, ParsedEntry, RawEntry, Reference, SourceLine, Todo, UrlMatch } from "./types.ts";

export interface ParseEntryOptions {
  /** Phrases that make a `\TODO:` a request for a blog post (case-insensitive). */
  blogPhrases?: string[];
  /** How the file's year-last dates read, for stamps written inside the text. */
  dateOrder?: DateOrder | null;
}

export function parseEntry(raw: RawEntry, options: ParseEntryOptions = {}): { fields: ParsedEntry; warnings: LogWarning[] } {
  const dateOrder = options.dateOrder ?? null;
  const { header, title, tags, series, todos: headerTodos, outline, blocks } = raw.format === "markdown" ? readMarkdownEntry(raw) : readLogEntry(raw);
  const warnings = [...outline.warnings];
  const itemOf = outline.itemAt;

  // Item times and insertions come from one pass over the bracketed stamps.
  const { insertions, times } = findInsertions(raw.lines, dateOrder);
  const references: Reference[] = [];
  const urls: UrlMatch[] = [];
  for (const { line, text } of raw.lines) {
    const scan = scanReferences(text, dateOrder);
    for (const found of scan.references) {
      references.push({ ...found, line, resolved: null, fromItem: itemOf(line) });
    }
    for (const unclosed of scan.unclosed) {
      warnings.push({ file: raw.file, line, code: "unclosed-ref", message: `see" at column ${unclosed.column + 1} has no closing quote` });
    }
    for (const url of findUrls(text)) urls.push({ ...url, line });
  }

  const blogPhrases = options.blogPhrases ?? DEFAULT_BLOG_PHRASES;
  const todos: Todo[] = [];
  // `<TODO>…</TODO>` in the header: a TODO of the whole entry (the header is its first line).
  for (const text of headerTodos) todos.push({ text, line: header!.line, item: null, blog: asksForBlog(text, blogPhrases) });
  for (const { text, line, blog } of findTodos(raw.lines, blogPhrases)) {
    todos.push({ text, line, item: itemOf(line), blog });
  }

  const fields: ParsedEntry = {
    header,
    title,
    tags,
    series,
    body: outline.body,
    references,
    todos,
    times,
    insertions,
    urls,
    blocks,
    plan: isPlanHeader(header?.elements) ? readPlan(allItems(outline.body)) : null,
    items: outline.items,
  };
  return { fields: exactFields(fields), warnings };
}

interface Structure extends HeaderFields {
  outline: Pick<Outline, "body" | "items" | "itemAt" | "warnings">;
  blocks: Block[];
}

function readLogEntry(raw: RawEntry): Structure {
  const header = readHeader(raw.lines, raw.stampText);
  // Everything but the header line is body, so a stamp line above the header is kept.
  const bodyLines = header.header ? withoutLine(raw.lines, header.header.line) : raw.lines;
  const blocks = findBlocks(bodyLines, raw.body);
  return { ...header, outline: buildOutline(raw.file, bodyLines, blocks), blocks };
}

function readMarkdownEntry(raw: RawEntry): Structure {
  const { fields, hidden } = readMarkdownHeader(raw.lines, raw.stampText);
  const markdown = readMarkdownBody(raw.file, raw.lines, hidden, raw.body);
  const title = fields.header === null ? (untitledMarkdown(markdown.body) ?? fields.title) : fields.title;
  return { ...fields, title, outline: markdown, blocks: markdown.blocks };
}

function withoutLine(lines: SourceLine[], line: number): SourceLine[] {
  const kept: SourceLine[] = [];
  for (const source of lines) if (source.line !== line) kept.push(source);
  return kept;
}

function allItems(nodes: BodyNode[]): ItemNode[] {
  return nodes.flatMap((node) => (node.type === "item" ? [node, ...allItems(node.children)] : []));
}

