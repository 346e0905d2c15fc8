// The render layer: an Entry's body → HTML. This first cut only escapes text into
// paragraphs, list items and <pre> blocks so the site can be wired; the unified pipeline
// replaces it.
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import type { ElementContent } from "hast";
import type { BodyNode, Entry, Timeline } from "../log/types.ts";

export interface RenderOptions {
  /** Shiki theme for light mode. */
  lightTheme?: string;
  /** Shiki theme for dark mode. */
  darkTheme?: string;
}

export interface Renderer {
  /** HTML of an entry's body; the site adds title, header tags and navigation. */
  renderEntry(entry: Entry, timeline: Timeline): Promise<string>;
  /** The stylesheet for highlighted blocks and the construct classes. */
  readonly css: string;
}

function toHast(nodes: BodyNode[]): ElementContent[] {
  return nodes.map((node): ElementContent => {
    switch (node.type) {
      case "text":
        return h("p", node.text);
      case "blank":
        return { type: "text", value: "\n" };
      case "item":
        return h("div", { className: ["item"], id: `i${node.path}` }, [
          h("span", { className: ["marker"] }, node.marker),
          node.text,
          ...toHast(node.children),
        ]);
      case "block":
        return h("pre", h("code", node.block.text));
    }
  });
}

export async function createRenderer(_options: RenderOptions = {}): Promise<Renderer> {
  return {
    async renderEntry(entry: Entry, _timeline: Timeline): Promise<string> {
      return toHtml(toHast(entry.body));
    },
    css: "",
  };
}
