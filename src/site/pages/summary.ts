// Listings show a line of an entry's own words, taken from the model (never from rendered
// HTML): the first prose of the body, without transcripts or other literal blocks.

import type { BodyNode, Entry } from "../../log/types.ts";

const SUMMARY_LENGTH = 160;

export function summarize(entry: Entry, length = SUMMARY_LENGTH): string {
  const words: string[] = [];
  let size = 0;
  for (const text of proseLines(entry.body)) {
    const line = text.replace(/\s+/g, " ").trim();
    if (line === "" || line === entry.title) continue;
    words.push(line);
    size += line.length + 1;
    if (size >= length) break;
  }
  return cut(words.join(" "), length);
}

function* proseLines(nodes: BodyNode[]): Generator<string> {
  for (const node of nodes) {
    if (node.type === "text") yield node.text;
    else if (node.type === "item") {
      yield node.text;
      yield* proseLines(node.children);
    }
  }
}

function cut(text: string, length: number): string {
  const chars = Array.from(text);
  if (chars.length <= length) return text;
  const head = chars.slice(0, length).join("");
  const space = head.lastIndexOf(" ");
  // Chinese runs have no spaces: cut hard rather than lose most of the line.
  return (space > length * 0.6 ? head.slice(0, space) : head).trimEnd() + "…";
}

/** The text of one file line of an entry (1-based file line), for context snippets. */
export function lineOf(entry: Entry, line: number): string {
  return entry.raw.split(/\r\n|\n|\r/)[line - entry.line] ?? "";
}

/** The text of the outline item at `path`, or null. */
export function itemText(entry: Entry, path: string): string | null {
  const find = (nodes: BodyNode[]): string | null => {
    for (const node of nodes) {
      if (node.type !== "item") continue;
      if (node.path === path) return node.text;
      const inner = find(node.children);
      if (inner !== null) return inner;
    }
    return null;
  };
  return find(entry.body);
}
