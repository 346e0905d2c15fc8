// Reading built pages in site tests: parse with hast, find elements, follow links.

import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";

/** The file a root-relative URL is served from: `/a/` → `a/index.html`. */
export function fileOf(outDir: string, url: string): string {
  const pathname = decodeURI(url.split("#")[0]!.split("?")[0]!);
  return path.join(outDir, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
}

export function readPage(outDir: string, url: string): Root {
  return fromHtml(readFileSync(fileOf(outDir, url), "utf8"));
}

export function allHtmlFiles(dir: string): string[] {
  const files: string[] = [];
  for (const dirent of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, dirent.name);
    if (dirent.isDirectory()) files.push(...allHtmlFiles(full));
    else if (dirent.name.endsWith(".html")) files.push(full);
  }
  return files;
}

/** `site/2012/11/07/index.html` → `/2012/11/07/`. */
export function urlOf(outDir: string, file: string): string {
  const rel = "/" + path.relative(outDir, file).split(path.sep).join("/");
  return rel.endsWith("/index.html") ? rel.slice(0, -"index.html".length) : rel;
}

export function findAll(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, "element", (node: Element) => {
    if (test(node)) found.push(node);
  });
  return found;
}

export function find(tree: Root | Element, test: (el: Element) => boolean): Element | undefined {
  return findAll(tree, test)[0];
}

export const hasClass = (name: string) => (el: Element) => {
  const classes = el.properties.className;
  return Array.isArray(classes) && classes.includes(name);
};

export const isTag = (tagName: string) => (el: Element) => el.tagName === tagName;

export function text(node: Root | Element): string {
  return toString(node).replace(/\s+/g, " ").trim();
}

/** The `href` of every link inside `node`, in order. */
export function hrefs(node: Root | Element): string[] {
  return findAll(node, (el) => el.tagName === "a" && typeof el.properties.href === "string").map(
    (el) => el.properties.href as string,
  );
}

export function exists(outDir: string, url: string): boolean {
  return existsSync(fileOf(outDir, url));
}
