// Several rendered entries share one post page: their element ids (item anchors such as
// `i2-1`) would collide, so each embedded fragment gets its own id prefix, and links inside
// the fragment to its own anchors follow.

import type { ElementContent, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { visit } from "unist-util-visit";

const ID_LISTS = ["ariaLabelledBy", "ariaDescribedBy", "htmlFor", "ariaControls"] as const;

export function embedFragment(html: string, prefix: string): ElementContent[] {
  const tree: Root = fromHtml(html, { fragment: true });
  const ids = new Set<string>();
  visit(tree, "element", (node) => {
    const id = node.properties.id;
    if (typeof id === "string") {
      ids.add(id);
      node.properties.id = `${prefix}-${id}`;
    }
  });
  const rename = (id: string): string => (ids.has(id) ? `${prefix}-${id}` : id);
  visit(tree, "element", (node) => {
    const href = node.properties.href;
    if (typeof href === "string" && href.startsWith("#")) node.properties.href = `#${rename(href.slice(1))}`;
    for (const key of ID_LISTS) {
      const value = node.properties[key];
      if (Array.isArray(value)) node.properties[key] = value.map((id) => rename(String(id)));
      else if (typeof value === "string") node.properties[key] = [rename(value)];
    }
  });
  return tree.children.filter((child): child is ElementContent => child.type !== "doctype");
}
