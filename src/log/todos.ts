// `\TODO: …` reminders (and the 2007 style: `TODO:` at the start of a line, its text on the
// next line). A TODO whose text holds a blog phrase asks for its item to become a post.

import type { SourceLine } from "./types.ts";

export const DEFAULT_BLOG_PHRASES = ["write a blog", "blog this"];

export interface TodoFound {
  text: string;
  line: number;
  column: number;
  blog: boolean;
}

const BACKSLASH_TODO = /\\TODO\b:?[ \t]*/i;
const LINE_TODO = /^TODO:[ \t]*/;

export function asksForBlog(body: string, blogPhrases: string[]): boolean {
  const lower = body.toLowerCase();
  return blogPhrases.some((phrase) => phrase !== "" && lower.includes(phrase.toLowerCase()));
}

export function findTodos(lines: SourceLine[], blogPhrases: string[] = DEFAULT_BLOG_PHRASES): TodoFound[] {
  const found: TodoFound[] = [];
  for (let index = 0; index < lines.length; index++) {
    const { line, text } = lines[index]!;
    // Either form has a `\` or starts the line with `TODO:`: most lines have neither.
    if (!text.includes("\\") && !text.startsWith("TODO:")) continue;
    const match = BACKSLASH_TODO.exec(text) ?? LINE_TODO.exec(text);
    if (!match) continue;
    let body = text.slice(match.index + match[0].length).trim();
    if (body === "") body = lines[index + 1]?.text.trim() ?? "";
    found.push({ text: body, line, column: match.index, blog: asksForBlog(body, blogPhrases) });
  }
  return found;
}
