import { describe, expect, it } from "vitest";
import { buildOutline, matchMarker } from "./outline.ts";
import type { BodyNode, ItemNode, SourceLine } from "./types.ts";

function lines(first: number, ...texts: string[]): SourceLine[] {
  return texts.map((text, index) => ({ line: first + index, text }));
}

function shape(nodes: BodyNode[]): unknown[] {
  return nodes.map((node) => (node.type === "item" ? [node.path, node.text, shape(node.children)] : `${node.type}:${node.line}`));
}

describe("matchMarker", () => {
  it.each([
    ["1, modify and compile code success.", "1, ", "comma", 1, 1],
    ["3), test attach-disk command. see\"10:41 2012-10-30\"2", "3), ", "paren", 3, 2],
    ["(2), open \"path\", lseek and saferead. ", "(2), ", "parens", 2, 3],
    ["((1)), virsh", "((1)), ", "double-parens", 1, 4],
    ["0, 9:40-11:44 13:51-18:18", "0, ", "comma", 0, 1],
    ["3, ", "3, ", "comma", 3, 1],
    ["2，上次看的是这个，只摘录了c语言部分。", "2，", "comma", 2, 1],
    ["(3)，perl举例：查找DELAYS，CORNERS和MODES数组中字符串组合符合RUNS数组的情况。", "(3)，", "parens", 3, 3],
  ])("reads %j", (text, marker, style, number, level) => {
    expect(matchMarker(text)).toEqual({ marker, style, number, level });
  });

  it.each(["65,66c65", "1,3d0", "2012, the year", "Breakpoint 1, blk_event (xendev=0xadd280)", "1). jiaju zhang"])("does not read %j", (text) => {
    expect(matchMarker(text)).toBeNull();
  });
});

describe("buildOutline", () => {
  it("nests items by marker style and names them by the author's numbers (12:52 2012-11-07)", () => {
    const outline = buildOutline("seed", lines(183,
      "0, 10:00", "", "1, today", "1), 15:03 search one api which i could finish this week. see\"15:16 2012-11-07\"", "",
      "2, next", "3), test attach-disk command. see\"10:41 2012-10-30\"2", "", "3, for Jim",
      "1), xenlight event lock in libvirt. see\"16:52 2012-11-06\"2-1). ", "", "4, next month", "1), opensuse on MK802",
      "(1), generate the 512MB version with opensuse12.2 RC2 which enable yast fist run. ",
      "(2), try opensuse based on ubuntu kernel in order to solve the error from miniand. ",
      "2), try armv8 emulator and read armv8 kernel code. ",
    ), []);
    expect(outline.items).toEqual(["0", "1", "1-1", "2", "2-3", "3", "3-1", "4", "4-1", "4-1-1", "4-1-2", "4-2"]);
    expect(outline.itemAt(189)).toBe("2-3");
    expect(outline.itemAt(190)).toBe("2-3"); // the blank line after an item stays in it
    expect(outline.warnings).toEqual([]);
    const next = outline.body[2] as ItemNode;
    expect(next).toMatchObject({ type: "item", line: 188, marker: "2, ", style: "comma", level: 1, path: "2", text: "next" });
  });

  it("keeps unmarked lines inside the item they follow", () => {
    const outline = buildOutline("seed", lines(12,
      "1, modify and compile code success. and test fail: start vm fail.",
      "2, after recompile, the former error does not exist. ",
      "but there is not vif in xenlight(it is list as vif in xend with the same xml file).",
    ), []);
    expect(shape(outline.body)).toEqual([
      ["1", "modify and compile code success. and test fail: start vm fail.", []],
      ["2", "after recompile, the former error does not exist. ", ["text:14"]],
    ]);
  });

  it("warns about an item path used twice", () => {
    const outline = buildOutline("log2013.txt", lines(340, "1, a", "1), b", "1), c"), []);
    expect(outline.warnings).toEqual([
      { file: "log2013.txt", line: 342, code: "duplicate-item", message: "item 1-1 appears twice in this entry" },
    ]);
    expect(outline.items).toEqual(["1", "1-1", "1-1"]);
  });

  it("does not lose a line of a ten-level-deep outline", () => {
    const texts = Array.from({ length: 10 }, (_, depth) => `${" ".repeat(depth)}${depth + 1}), level ${depth + 1}`);
    const outline = buildOutline("deep", lines(1, "1, top", ...texts), []);
    const flat = (nodes: BodyNode[]): string[] =>
      nodes.flatMap((node) => (node.type === "item" ? [node.marker + node.text, ...flat(node.children)] : "text" in node ? [node.text] : []));
    expect(flat(outline.body)).toEqual(["1, top", ...texts]);
  });
});
