// The frame every literal block gets: a figure with a small label (shell, gdb, ini…) and,
// for transcripts, the text the copy button copies (`data-copy`). The page is complete
// without JavaScript; /assets/copy-button.js adds the button.
import type { Element, ElementContent, Properties, Root, RootContent } from "hast";
import { h } from "hastscript";
import type { Block } from "../log/types.ts";

export function blockFigure(block: Block, label: string, pre: Element, copy: string | null, extra: Properties = {}): Element {
  const figure = h(
    "figure",
    {
      ...extra,
      className: ["block", `block-${block.kind}`, ...classList(extra.className)],
      dataLang: label,
      ...(copy === null ? {} : { dataCopy: copy }),
    },
    [h("figcaption", { className: ["block-label"] }, label), pre],
  );
  figure.data = { dotlogFigure: true } as Element["data"];
  return figure;
}

export interface BlockPlaceholder {
  parent: Element | Root;
  index: number;
  block: Block;
}

/**
 * The placeholders still waiting for a figure, in document order. A plain walk that steps over
 * finished figures: unist-util-visit made a closure and a debug name for each of the hundreds
 * of token spans a highlighted block holds.
 */
export function blockPlaceholders(tree: Root): BlockPlaceholder[] {
  const found: BlockPlaceholder[] = [];
  const walk = (parent: Element | Root): void => {
    parent.children.forEach((child: RootContent, index) => {
      if (child.type !== "element" || child.data?.dotlogFigure) return;
      const block = child.data?.dotlogBlock;
      if (block) found.push({ parent, index, block });
      else walk(child);
    });
  };
  walk(tree);
  return found;
}

function classList(value: Properties[string]): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** `<pre><code>` with lines separated by line ends, as Shiki lays them out. */
export function preOf(properties: Properties, lines: ElementContent[][], lineClass: (index: number) => string[] = () => []): Element {
  const children: ElementContent[] = [];
  lines.forEach((line, index) => {
    if (index > 0) children.push({ type: "text", value: "\n" });
    children.push(h("span", { className: ["line", ...lineClass(index)] }, line));
  });
  return h("pre", { ...properties, tabIndex: 0 }, h("code", children));
}

/** The label shown on a block. */
export function blockLabel(block: Block): string {
  if (block.kind === "gdb") return block.promptStyle === "lldb" ? "lldb" : "gdb";
  if (block.kind === "shell") return block.lang === "powershell" ? "powershell" : "shell";
  if (block.kind === "repl") return block.promptStyle ?? block.lang; // `virsh`, `mysql`, `irb`, `python`
  if (block.kind === "preformatted") return block.lang === "" ? "text" : block.lang;
  if (block.lang === "shellscript" || block.lang === "sh") return "bash";
  return block.lang;
}
