import { describe, expect, it } from "vitest";
import { findReferences, findUnclosedReferences } from "./references.ts";

describe("findReferences", () => {
  it("reads a run of quoted stamps after see (seed line 80)", () => {
    const line = `1), 40' armv8 and arm server, see"10:03 2012-11-05", "10:16 2012-11-05". `;
    const found = findReferences(line);
    expect(found).toEqual([
      { target: "2012-11-05T10:03", item: null, column: 33, length: 18 },
      { target: "2012-11-05T10:16", item: null, column: 53, length: 18 },
    ]);
    expect(line.slice(53, 53 + 18)).toBe(`"10:16 2012-11-05"`);
  });

  it("reads the item path after the quote, `)` of a level-2 item included in the span", () => {
    expect(findReferences(`3), test attach-disk command. see"10:41 2012-10-30"2`)).toEqual([
      { target: "2012-10-30T10:41", item: "2", column: 33, length: 19 },
    ]);
    const line = `1), xenlight event lock in libvirt. see"16:52 2012-11-06"2-1). `;
    const [ref] = findReferences(line);
    expect(ref).toMatchObject({ target: "2012-11-06T16:52", item: "2-1" });
    expect(line.slice(ref!.column, ref!.column + ref!.length)).toBe(`"16:52 2012-11-06"2-1)`);
  });

  it("reads a bare quoted stamp, `ref:` and unpadded stamps", () => {
    expect(findReferences(`3), 20' work report. "17:36 2012-11-05"`)).toMatchObject([{ target: "2012-11-05T17:36", column: 21 }]);
    expect(findReferences(`3), change the maintainer of wireshark and bridge-utils. see"2:52 2012-4-9"`)).toMatchObject([
      { target: "2012-04-09T02:52", item: null },
    ]);
    expect(findReferences(`ref: "12:26 2012-05-14"`)).toMatchObject([{ target: "2012-05-14T12:26", column: 5 }]);
  });

  it("does not read the insertion close, an item time or a quotation", () => {
    expect(findReferences(`"16:40 2013-01-23"end`)).toEqual([]);
    expect(findReferences(`3, (15:33 2012-11-02)`)).toEqual([]);
    expect(findReferences(`abort: no username supplied (see "hg help config")`)).toEqual([]);
    expect(findReferences(`see"25:61 2012-13-40"`)).toEqual([]);
  });

  it("counts columns in UTF-16 units after Chinese text", () => {
    const line = `1), 具体分析 see"16:52 2012-11-06"`;
    expect(findReferences(line)[0]!.column).toBe(line.indexOf(`"`));
  });
});

describe("findUnclosedReferences", () => {
  it("reports see\" without a closing quote, with the stamp it names", () => {
    expect(findUnclosedReferences(`2), libvirt libxl driver, pick a function to write. see"14:25 2012-04-01`)).toEqual([
      { column: 55, length: 17, target: "2012-04-01T14:25" },
    ]);
    expect(findUnclosedReferences(`see"`)).toEqual([{ column: 3, length: 1, target: null }]);
  });

  it("is silent on closed references and quotations", () => {
    expect(findUnclosedReferences(`see"10:03 2012-11-05", "10:16 2012-11-05".`)).toEqual([]);
    expect(findUnclosedReferences(`(see "hg help config")`)).toEqual([]);
  });
});
