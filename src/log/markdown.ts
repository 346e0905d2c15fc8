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
const { encode, decode } = reader.utils.lib.mdurl;
// A link's text is shown as written (markdown-it would decode an autolink's `%XX` and punycode,
// changing what the author wrote), and its href only percent-encoded: markdown-it's own
// normalization parses every URL and punycodes its host, ~0.1 s a cold build of 10,000 entries
// with a link each, for hosts a browser encodes by itself.
reader.normalizeLink = (url) => encode(url);
reader.normalizeLinkText = (text) => text;
// Checked encoded and decoded: `java\tscript:` encodes to `java%09script:`, no scheme a browser
// would run, but no link a reader wants either; it stays text.
reader.validateLink = (url) => isSafeHref(url) && isSafeHref(decode(url));

export type MarkdownToken = Token;

/** The block tokens of a Markdown text, each `inline` one with its inline children; `map` is 0-based lines. */
export function readMarkdown(source: string): MarkdownToken[] {
  return reader.parse(source, {});
}
