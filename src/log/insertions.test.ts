import { describe, expect, it } from "vitest";
import { findInsertionEnds, findInsertions } from "./insertions.ts";
import { findItemTimes } from "./item-times.ts";

describe("findItemTimes", () => {
  it("reads a bracketed stamp inside an item (seed line 19)", () => {
    expect(findItemTimes("3, (15:33 2012-11-02)")).toEqual([{ at: "2012-11-02T15:33", column: 3, length: 18 }]);
  });

  it("reads full-width brackets and several in one line, not an invalid stamp", () => {
    const line = "1，明天要测试。(11:24 2007-08-05)三个节点测试（12:02 2007-8-5）";
    expect(findItemTimes(line).map((time) => time.at)).toEqual(["2007-08-05T11:24", "2007-08-05T12:02"]);
    expect(findItemTimes("(25:61 2012-13-40)")).toEqual([]);
  });
});

describe("findInsertions", () => {
  it("pairs the opening with its `\"…\"end` over several lines (log201204novell.txt 63–72)", () => {
    const lines = [
      { line: 63, text: "(16:40 2013-01-23)" },
      { line: 64, text: "while osc up(access https://api.suse.de), encounter this error again(before today, it is ok)." },
      { line: 65, text: "> osc up" },
      { line: 72, text: "\"16:40 2013-01-23\"end" },
    ];
    const { insertions, openings } = findInsertions(lines);
    expect(insertions).toEqual([{ at: "2013-01-23T16:40", line: 63, endLine: 72, endAt: "2013-01-23T16:40" }]);
    expect([...openings]).toEqual(["63:0"]);
  });

  it("pairs both ends inside one line (log200708.txt 1633)", () => {
    const text = "在2410手册和920参考手册上都没有看到CPSR的各位的说明。(12:55 2009-6-11)CPSR文档位于ARM ARM p49 \"A2.5 Program status registers\"。\"12:55 2009-6-11\"end";
    const { insertions } = findInsertions([{ line: 1633, text }]);
    expect(insertions).toEqual([{ at: "2009-06-11T12:55", line: 1633, endLine: 1633, endAt: "2009-06-11T12:55" }]);
    expect(findInsertionEnds(text)).toHaveLength(1);
  });

  it("pairs a close written a minute after its opening (log201204novell.txt 1984–1987)", () => {
    const { insertions } = findInsertions([
      { line: 1984, text: "(11:33 2012-04-24)" },
      { line: 1985, text: "qemudDomainCreate -> qemuProcessStart" },
      { line: 1987, text: "\"11:34 2012-04-24\"end" },
    ]);
    expect(insertions).toEqual([{ at: "2012-04-24T11:33", line: 1984, endLine: 1987, endAt: "2012-04-24T11:34" }]);
  });

  it("leaves an opening without its close as an item time", () => {
    const { insertions, openings } = findInsertions([{ line: 5, text: "(16:40 2013-01-23)" }, { line: 6, text: "\"16:39 2013-01-23\"end" }]);
    expect(insertions).toEqual([]);
    expect(openings.size).toBe(0);
  });
});
