// The header of a Markdown-era entry: its first line, read by the header rule (header.ts) as in
// a `.LOG` entry — when it is a line of text or an ATX heading (`## software skill, network`),
// not a list item, a fence, a quote, indented code or a table. Its setext underline (`----`,
// `====`) is decoration: neither the header nor the body reads it.

import { readHeader, titleFromLine, type HeaderFields } from "./header.ts";
import { matchPrompt } from "./prompts.ts";
import { isBlank } from "./prose.ts";
import { isUnderline } from "./stamp.ts";
import type { BodyNode, SourceLine } from "./types.ts";

// What opens a Markdown block other than a paragraph: a list item, a fence, a quote, indented
// code, a table row, a thematic break.
const NOT_A_HEADER = /^(?:\s{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|\s{0,3}(?:```|~~~)|\s{0,3}>|(?: {4}|\t)|\s*\||\s{0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$)/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/;

export interface MarkdownHeader {
  fields: HeaderFields;
  /** The lines that are the header and its underline: not body. */
  hidden: Set<number>;
}

export function readMarkdownHeader(lines: SourceLine[], stampText: string): MarkdownHeader {
  const index = lines.findIndex((line) => !isBlank(line.text));
  const first = lines[index];
  if (first === undefined || NOT_A_HEADER.test(first.text)) return { fields: readHeader([], stampText), hidden: new Set() };
  const heading = ATX.exec(first.text);
  const fields = readHeader([{ line: first.line, text: heading ? heading[1]! : first.text }], stampText);
  if (fields.header === null) return { fields, hidden: new Set() };
  const hidden = new Set([first.line]);
  const underline = lines[index + 1];
  if (!heading && underline !== undefined && isUnderline(underline.text)) hidden.add(underline.line);
  return { fields, hidden };
}

/**
 * No header: the title is the first line the reader sees (a command without its prompt) that
 * rule 7 takes for words (`titleFromLine`), cut; null with none.
 */
export function untitledMarkdown(body: BodyNode[]): string | null {
  for (const node of body) {
    if (node.type === "blank") continue;
    if (node.type === "block") {
      const line = node.block.text.split("\n").find((text) => !isBlank(text));
      if (line === undefined) continue;
      const prompt = matchPrompt(line);
      const title = titleFromLine((prompt ? line.slice(prompt.prompt.length) : line).trim());
      if (title !== null) return title;
      continue;
    }
    const title = titleFromLine(node.text.trim());
    if (title !== null) return title;
    if (node.type === "item") {
      const inner = untitledMarkdown(node.children);
      if (inner !== null) return inner;
    }
  }
  return null;
}
