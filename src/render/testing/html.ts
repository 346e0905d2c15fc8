// Test helpers: read rendered HTML back as hast and pull out the facts fixtures assert.
import type { Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { visit } from "unist-util-visit";

export function parse(html: string): Root {
  return fromHtml(html, { fragment: true });
}

export function elements(tree: Root | Element, test: (element: Element) => boolean = () => true): Element[] {
  const found: Element[] = [];
  visit(tree, "element", (node) => {
    if (test(node)) found.push(node);
  });
  return found;
}

export function classes(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

export function byClass(tree: Root | Element, name: string): Element[] {
  return elements(tree, (element) => classes(element).includes(name));
}

export function textOf(node: Root | RootContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element" && node.tagName === "br") return "\n";
  if ("children" in node) return node.children.map(textOf).join("");
  return "";
}

export function attr(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(" ") : String(value);
}
