// The export's JSON shape (docs/export-format.md): the timeline without its in-memory
// indexes and body tree, so that a log can be taken elsewhere.

import type { Block, Entry, Timeline } from "../log/index.ts";

export function toExportJson(timeline: Timeline) {
  return {
    files: timeline.files.map(({ file, encoding, directive, dateOrder, format, preamble }) => ({ file, encoding, directive, dateOrder, format, preamble })),
    entries: timeline.entries.map(exportEntry),
    tags: [...timeline.tags.values()].map(({ key, name, slug, entries }) => ({ key, name, slug, entries })),
    series: [...timeline.series.values()].map(({ name, parts }) => ({ name, parts })),
    warnings: timeline.warnings.map(({ file, line, code, message }) => ({ file, line, code, message })),
  };
}

function exportEntry(entry: Entry) {
  return {
    id: entry.id,
    timestamp: entry.timestamp,
    file: entry.file,
    format: entry.format,
    line: entry.line,
    endLine: entry.endLine,
    stampText: entry.stampText,
    title: entry.title,
    tags: entry.tags,
    series: entry.series && { name: entry.series.name, part: entry.series.part },
    slug: entry.slug,
    url: entry.url,
    items: entry.items,
    references: entry.references.map(({ target, item, resolved, line, column, fromItem }) => ({ target, item, resolved, line, column, fromItem })),
    todos: entry.todos.map(({ text, item, blog, line }) => ({ text, item, blog, line })),
    times: entry.times.map(({ at, line }) => ({ at, line })),
    insertions: entry.insertions.map(({ at, line, endLine }) => ({ at, line, endLine })),
    urls: entry.urls.map(({ url, line }) => ({ url, line })),
    blocks: entry.blocks.map(exportBlock),
    plan: entry.plan,
    raw: entry.raw,
  };
}

function exportBlock(block: Block) {
  const { kind, lang, promptStyle, line, endLine, text, steps } = block;
  return {
    kind,
    lang,
    promptStyle,
    line,
    endLine,
    column: block.column ?? 0,
    text,
    steps: steps && steps.map(({ prompt, command, output, line }) => ({ prompt, command, output, line })),
  };
}

export type ExportJson = ReturnType<typeof toExportJson>;
