// One entry's text → its parsed fields. Pure and total: whatever the text, it returns fields
// and warnings; ids, slugs, urls and reference resolution belong to the timeline.

import { readHeader } from "./header.ts";
import { buildOutline } from "./outline.ts";
import type { LogWarning, ParsedEntry, RawEntry } from "./types.ts";

export interface ParseEntryOptions {
  /** Phrases that make a `\TODO:` a request for a blog post (case-insensitive). */
  blogPhrases?: string[];
}

export function parseEntry(raw: RawEntry, options: ParseEntryOptions = {}): { fields: ParsedEntry; warnings: LogWarning[] } {
  void options;
  const { header, title, tags, series } = readHeader(raw.lines, raw.stampText);
  const bodyLines = header ? raw.lines.filter((line) => line.line > header.line) : raw.lines;
  const outline = buildOutline(raw.file, bodyLines, []);
  const fields: ParsedEntry = {
    header,
    title,
    tags,
    series,
    body: outline.body,
    references: [],
    todos: [],
    times: [],
    insertions: [],
    urls: [],
    blocks: [],
    plan: null,
    items: outline.items,
  };
  return { fields, warnings: outline.warnings };
}
