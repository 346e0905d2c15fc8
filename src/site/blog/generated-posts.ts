// A generated post: the entries a blog request points at, each rendered in full under a
// heading that links back to it, with a note that the post was compiled from the log.
// A request that points at nothing becomes a post of its own item (or entry).

import type { Element, ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { slugify } from "../../log/slug.ts";
import type { BodyNode, Entry, ItemNode, Timeline } from "../../log/types.ts";
import type { PrivateBlogRequest } from "../privacy/index.ts";
import { embedFragment } from "./embed-html.ts";
import { plainText } from "./plain-text.ts";
import { postTags } from "./post-tags.ts";
import { requestTitle } from "./post-title.ts";
import type { BlogRequest, Post } from "./types.ts";

export interface EntryRenderer {
  renderEntry(entry: Entry, timeline: Timeline): Promise<string>;
}

export async function generatePost(request: BlogRequest, timeline: Timeline, renderer: EntryRenderer): Promise<Post> {
  const title = requestTitle(request);
  const sections: Element[] = [];
  if (request.sources.length > 0) {
    for (const source of request.sources) sections.push(await sourceSection(source, timeline, renderer));
  } else {
    const own = request.item === null ? request.entry : itemOnly(request.entry, request.item, request.todo.line);
    const html = await renderer.renderEntry(own, timeline);
    sections.push(h("section.post-source", embedFragment(html, "own")));
  }
  const tree = h(null, [compiledNote(request), ...sections]);
  const slug = slugify(title) || slugify(request.id);
  return {
    slug,
    url: `/blog/${slug}/`,
    title,
    date: request.entry.timestamp,
    tags: postTags((request.sources.length > 0 ? request.sources : [request.entry]).flatMap((e) => e.tags), timeline),
    html: toHtml(tree),
    // The note is the same on every generated post: search and summaries want the material.
    text: plainText(h(null, sections)),
    sources: request.sources.length > 0 ? request.sources.map((e) => e.id) : [request.entry.id],
    request: request.id,
    origin: "generated",
    files: [],
    draft: false,
    file: null,
  };
}

/**
 * A request written in an entry the site does not publish: the post is made of the public
 * entries it points at, and says nothing of where it was asked for.
 */
export async function generatePrivatePost(request: PrivateBlogRequest, timeline: Timeline, renderer: EntryRenderer): Promise<Post | null> {
  if (request.sources.length === 0) return null;
  const title = request.title || request.sources[0]!.title;
  const sections: Element[] = [];
  for (const source of request.sources) sections.push(await sourceSection(source, timeline, renderer));
  const count = request.sources.length;
  const note = h("p.post-compiled", `This post was compiled from the log: it collects ${count === 1 ? "one entry" : `${count} entries`}.`);
  const tree = h(null, [note, ...sections]);
  const slug = slugify(title) || "post";
  return {
    slug,
    url: `/blog/${slug}/`,
    title,
    // The excluded entry's own time would tell when the author planned it: date the post by its material.
    date: request.sources.at(-1)!.timestamp,
    tags: postTags(request.sources.flatMap((e) => e.tags), timeline),
    html: toHtml(tree),
    text: plainText(h(null, sections)),
    sources: request.sources.map((e) => e.id),
    request: request.id,
    origin: "generated",
    files: [],
    draft: false,
    file: null,
  };
}

function compiledNote(request: BlogRequest): Element {
  const { entry, item } = request;
  const where = item === null ? entry.url : `${entry.url}#i${item.path}`;
  const count = request.sources.length;
  return h("p.post-compiled", [
    "This post was compiled from the log: ",
    h("a", { href: where }, `${stamp(entry)}${item === null ? "" : ` (item ${item.path})`}`),
    " asked for it",
    count === 0 ? "." : `, and it collects the ${count === 1 ? "entry" : `${count} entries`} that note points at.`,
  ]);
}

async function sourceSection(source: Entry, timeline: Timeline, renderer: EntryRenderer): Promise<Element> {
  const html = await renderer.renderEntry(source, timeline);
  const prefix = `e${source.id.replace(/[^0-9a-z]/gi, "")}`;
  const heading: ElementContent[] = [
    h("h2", [h("a", { href: source.url }, source.title)]),
    h("p.post-source-date", [h("time", { dateTime: source.timestamp }, stamp(source))]),
  ];
  return h("section.post-source", { id: prefix }, [...heading, ...embedFragment(html, prefix)]);
}

/** `10:03 2012-11-05`, the way the log writes it. */
function stamp(entry: Entry): string {
  const [date, time] = entry.timestamp.split("T") as [string, string];
  return `${time} ${date}`;
}

/** The entry cut down to one item, without the TODO that asked for the post. */
function itemOnly(entry: Entry, item: ItemNode, todoLine: number): Entry {
  const last = lastLine(item);
  const inside = <T extends { line: number }>(things: T[]): T[] => things.filter((t) => t.line >= item.line && t.line <= last);
  const withoutTodo: ItemNode = { ...item, children: dropLine(item.children, todoLine) };
  return {
    ...entry,
    body: [withoutTodo],
    references: inside(entry.references).filter((r) => r.line !== todoLine),
    todos: inside(entry.todos).filter((t) => t.line !== todoLine),
    times: inside(entry.times),
    insertions: inside(entry.insertions),
    urls: inside(entry.urls),
    blocks: inside(entry.blocks),
    plan: null,
    items: entry.items.filter((path) => path === item.path || path.startsWith(`${item.path}-`)),
  };
}

function dropLine(nodes: BodyNode[], line: number): BodyNode[] {
  return nodes
    .filter((node) => !(node.type === "text" && node.line === line))
    .map((node) => (node.type === "item" ? { ...node, children: dropLine(node.children, line) } : node));
}

function lastLine(node: BodyNode): number {
  if (node.type === "block") return node.block.endLine;
  if (node.type !== "item" || node.children.length === 0) return node.line;
  return lastLine(node.children.at(-1)!);
}
