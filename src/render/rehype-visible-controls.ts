// Last step before HTML: every text and attribute value goes through visibleControls, so no
// construct (Shiki tokens, tooltips, copy text) can let an invisible character through.
import type { Root } from "hast";
import { visit } from "unist-util-visit";
import { visibleControls } from "./visible-controls.ts";

export default function rehypeVisibleControls() {
  return (tree: Root): void => {
    visit(tree, (node) => {
      if (node.type === "text") node.value = visibleControls(node.value);
      else if (node.type === "element") {
        for (const [key, value] of Object.entries(node.properties)) {
          if (typeof value === "string") node.properties[key] = visibleControls(value);
          else if (Array.isArray(value)) node.properties[key] = value.map((item) => (typeof item === "string" ? visibleControls(item) : item));
        }
      }
    });
  };
}
