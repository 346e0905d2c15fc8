// The context a "Referenced by" list shows for a backlink: the text of the referring item
// (its marker line and the lines that continue it), or the referring line when it sits in
// no item. The site renders the list from Timeline.backlinks; this gives it escaped HTML.
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import type { Backlink, BodyNode, ItemNode, Timeline } from "../log/types.ts";
import { visibleControls } from "./visible-controls.ts";

export function renderBacklinkContext(backlink: Backlink, timeline: Timeline): string {
  const entry = timeline.byId.get(backlink.from);
  if (!entry) return "";
  const item = backlink.fromItem === null ? null : findItem(entry.body, backlink.fromItem);
  const text = item ? itemText(item) : (entry.raw.split(/\r\n|\r|\n/)[backlink.line - entry.line] ?? "").trim();
  return toHtml(h("span", { className: ["backlink-context"] }, visibleControls(text)));
}

function findItem(nodes: BodyNode[], path: string): ItemNode | null {
  for (const node of nodes) {
    if (node.type !== "item") continue;
    if (node.path === path) return node;
    const inner = findItem(node.children, path);
    if (inner) return inner;
  }
  return null;
}

/** The marker line and the text lines that continue it, up to its first sub-item or block. */
function itemText(item: ItemNode): string {
  const lines = [item.marker + item.text];
  for (const child of item.children) {
    if (child.type !== "text") break;
    lines.push(child.text);
  }
  return lines.join(" ").replace(/\s+/g, " ").trim();
}
