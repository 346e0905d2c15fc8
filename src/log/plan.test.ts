import { describe, expect, it } from "vitest";
import { readPlan, readTimes } from "./plan.ts";
import type { ItemNode } from "./types.ts";

function item(path: string, level: number, number: number, text: string): ItemNode {
  return { type: "item", line: 1, marker: "", style: "comma", number, level, path, text, children: [] };
}

describe("readTimes", () => {
  it.each([
    ["9:40-11:44 13:51-18:18", null, [{ start: "9:40", end: "11:44" }, { start: "13:51", end: "18:18" }]],
    ["-18:20", null, [{ start: null, end: "18:20" }]],
    ["16:00-18:50 20:35", null, [{ start: "16:00", end: "18:50" }, { start: "20:35", end: null }]],
    ["20:35- search one api which i could finish this week. ", null, [{ start: "20:35", end: null }]],
    ["40' armv8 and arm server, see\"10:03 2012-11-05\"", 40, []],
    ["10' 14:25-17:00 add api in libvirt libxl driver.", 10, [{ start: "14:25", end: "17:00" }]],
    ["1h read migration(domain suspend) in xen upstream.", 60, []],
    ["Chunyan her api status. about BlockPeek: 10:00-11:00", null, []],
  ])("reads the leading times of %j", (text, minutes, ranges) => {
    expect(readTimes(text)).toEqual({ minutes, ranges });
  });
});

describe("readPlan", () => {
  it("sums worked ranges with both ends and the items' minutes (seed 16:16 2012-11-06)", () => {
    const plan = readPlan([
      item("0", 1, 0, "16:00-18:50 20:35"),
      item("1", 1, 1, "today"),
      item("1-1", 2, 1, "Chunyan her api status."),
      item("1-2", 2, 2, "1h read migration(domain suspend) in xen upstream. see\"16:52 2012-11-06\""),
      item("1-3", 2, 3, "20' Jiaju talk to me, about my performance."),
      item("1-4", 2, 4, "20:35- search one api which i could finish this week. "),
    ]);
    expect(plan).toEqual({
      worked: [{ start: "16:00", end: "18:50" }, { start: "20:35", end: null }],
      items: [
        { item: "1-2", minutes: 60, ranges: [] },
        { item: "1-3", minutes: 20, ranges: [] },
        { item: "1-4", minutes: null, ranges: [{ start: "20:35", end: null }] },
      ],
      workedMinutes: 170,
      spentMinutes: 80,
    });
  });
});
