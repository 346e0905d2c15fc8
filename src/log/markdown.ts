// The Markdown reader of a Markdown-era journal: markdown-it (CommonMark, with GitHub's tables
// and strikethrough). It reads an entry in about 1/20 of micromark's time (remark-parse), which
// a cold build of ten thousand entries would feel: measured on the corpus, 0.03 ms an entry
// against 0.6 ms. Raw HTML is text (`html: false`), links only with a safe URL, and bare URLs
// are left to the log's own URL finder (urls.ts), as in a `.LOG` entry.

import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { isSafeHref } from "./urls.ts";

const reader = new MarkdownIt("commonmark", { html: false, linkify: false, typographer: false })
  .enable(["table", "strikethrough"])
  // Each text token then holds one source run as written (escapes and entities come apart, as
  // `text_special`), so what a text token shows can be found in its line.
  .disable("text_join");
reader.validateLink = isSafeHref;

export type MarkdownToken = Token;

/** The block tokens of a Markdown text, each `inline` one with its inline children; `map` is 0-based lines. */
export function readMarkdown(source: string): MarkdownToken[] {
  return reader.parse(source, {});
}
