// The body's one wrapper, `<div class="log-body">`, which scopes the stylesheet.
import type { Root } from "hast";
import { h } from "hastscript";

export default function rehypeWrap() {
  return (tree: Root): void => {
    tree.children = [h("div", { className: ["log-body"] }, tree.children.filter((node) => node.type !== "doctype"))];
  };
}
