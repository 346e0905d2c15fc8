// Which files are Markdown-era journals. From 2015 the author kept the same journal as
// `.markdown` files: each stamp underlined (or an ATX heading), the body Markdown. A file is
// read as Markdown when its name says so (`.md`, `.markdown`), or when it has no `.LOG` line
// and its first stamp is underlined; a `.LOG` file is always literal text.

import type { LogFormat } from "./types.ts";

const MARKDOWN_NAME = /\.(?:md|markdown)$/i;

export function isMarkdownName(file: string): boolean {
  return MARKDOWN_NAME.test(file);
}

export function decideFormat(file: string, directive: string | null, firstStampUnderlined: boolean): LogFormat {
  if (directive !== null && directive.toUpperCase() === ".LOG") return "log";
  return isMarkdownName(file) || firstStampUnderlined ? "markdown" : "log";
}
