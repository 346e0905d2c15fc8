// Plan notations from the seed's GTD entries (14:32 2012-11-01, 10:37 2012-11-05,
// 16:16 2012-11-06, 12:52 2012-11-07).
import { describe, expect, it } from "vitest";
import { formatMinutes, leadingPlanTokens, planTotals, rangeMinutes } from "./plan-time.ts";

describe("leadingPlanTokens", () => {
  it.each([
    ["40' armv8 and arm server, see\"10:03 2012-11-05\"", [[0, "40'"]]],
    ["10' 14:25-17:00 add api in libvirt libxl driver.", [[0, "10'"], [4, "14:25-17:00"]]],
    ["15:06-16:37 update my libxl lock patch.", [[0, "15:06-16:37"]]],
    ["-18:16 try to add domainInterfaceStats in libxl api.", [[0, "-18:16"]]],
    ["20:35- search one api which i could finish this week.", [[0, "20:35-"]]],
    ["1h read migration(domain suspend) in xen upstream.", [[0, "1h"]]],
    ["9:40-11:44 13:51-18:18", [[0, "9:40-11:44"], [11, "13:51-18:18"]]],
    ["15:03 search one api", [[0, "15:03"]]],
    ["today", []],
    ["summary: 当初遇到migration fail", []],
    ["- not a time", []],
    ["2013 was a year", []],
    ["30’ 15min review", [[0, "30’"], [4, "15min"]]],
    ["10:00-11:00, 40' x", [[0, "10:00-11:00"], [13, "40'"]]],
  ])("%s", (text, expected) => {
    expect(leadingPlanTokens(text).map(({ column, token }) => [column, token.text])).toEqual(expected);
  });

  it("reads minutes and hours", () => {
    const [minutes] = leadingPlanTokens("40' x");
    const [hours] = leadingPlanTokens("1.5h x");
    expect(minutes?.token).toEqual({ kind: "minutes", text: "40'", minutes: 40 });
    expect(hours?.token).toEqual({ kind: "minutes", text: "1.5h", minutes: 90 });
  });
});

describe("durations", () => {
  it("measures ranges, across midnight too, and not open ones", () => {
    expect(rangeMinutes({ start: "9:40", end: "11:44" })).toBe(124);
    expect(rangeMinutes({ start: "23:30", end: "0:15" })).toBe(45);
    expect(rangeMinutes({ start: null, end: "18:20" })).toBeNull();
  });

  it("formats minutes", () => {
    expect([40, 60, 91, 391].map(formatMinutes)).toEqual(["40 min", "1 h", "1 h 31 min", "6 h 31 min"]);
  });

  it("totals a day: closed worked ranges; item minutes, else the item's closed ranges", () => {
    const totals = planTotals({
      worked: [{ start: "9:40", end: "11:44" }, { start: "13:51", end: "18:18" }, { start: "20:35", end: null }],
      items: [
        { item: "1-1", minutes: 40, ranges: [] },
        { item: "1-2", minutes: 10, ranges: [{ start: "14:25", end: "17:00" }] },
        { item: "1-3", minutes: null, ranges: [{ start: "15:06", end: "16:37" }] },
        { item: "1-4", minutes: null, ranges: [{ start: null, end: "18:16" }] },
      ],
      workedMinutes: 391,
      spentMinutes: 50,
    });
    expect(totals).toEqual({ worked: 391, spent: 40 + 10 + 91 });
  });
});
