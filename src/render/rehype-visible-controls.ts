// Last step before HTML: every text and attribute value goes through visibleControls, so no
// construct (Shiki tokens, tooltips, copy text) can let an invisible character through.
// A plain recursive walk: unist-util-visit made a closure, a parents array and a debug name
// for each of the ~100 nodes a highlighted block has, and this pass sees every node.
import type { Element, ElementContent, Root, RootContent } from "hast";
import { visibleControls } from "./visible-controls.ts";

export default function rehypeVisibleControls() {
  return (tree: Root): void => {
    clean(tree);
  };
}

function clean(node: Root | RootContent | ElementContent): void {
  if (node.type === "text") node.value = visibleControls(node.value);
  else if (node.type === "element") cleanProperties(node);
  if ("children" in node) for (const child of node.children) clean(child);
}

function cleanProperties(node: Element): void {
  const properties = node.properties;
  for (const key of Object.keys(properties)) {
    const value = properties[key];
    if (typeof value === "string") properties[key] = visibleControls(value);
    else if (Array.isArray(value)) properties[key] = value.map((item) => (typeof item === "string" ? visibleControls(item) : item));
  }
}
