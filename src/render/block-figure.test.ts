import type { Element, Root } from "hast";
import { h } from "hastscript";
import { describe, expect, it } from "vitest";
import type { Block } from "../log/types.ts";
import { blockFigure, blockPlaceholders } from "./block-figure.ts";

const block = (text: string): Block => ({ kind: "code", lang: "c", text }) as unknown as Block;
const placeholder = (b: Block): Element => ({ type: "element", tagName: "figure", properties: {}, children: [], data: { dotlogBlock: b } as Element["data"] });

describe("blockPlaceholders", () => {
  it("finds waiting blocks at any depth, in document order, and never looks inside a finished figure", () => {
    const [first, second, third] = [block("a"), block("b"), block("c")];
    const hidden = placeholder(block("inside a finished figure"));
    const finished = blockFigure(block("x"), "c", h("pre", [h("code", [hidden])]), null);
    const tree: Root = {
      type: "root",
      children: [placeholder(first!), h("ol", [h("li", [h("p", "text"), placeholder(second!)])]), finished, h("div", [placeholder(third!)])],
    };
    const found = blockPlaceholders(tree);
    expect(found.map((p) => p.block)).toEqual([first, second, third]);
    for (const { parent, index, block: b } of found) expect((parent.children[index] as Element).data?.dotlogBlock).toBe(b);
  });
});
