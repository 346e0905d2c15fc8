import { describe, expect, it } from "vitest";
import { decideDateOrder, isoLocal, isUnderline, matchStampShape, readStamp, type StampShape } from "./stamp.ts";

function read(line: string, order: "dmy" | "mdy" | "ymd" | null = null): string {
  const shape = matchStampShape(line);
  if (shape === null) return "not a stamp";
  const reading = readStamp(shape, order);
  return reading.ok ? isoLocal(reading.time) : `bad: ${reading.problem}`;
}

describe("stamp lines in every Windows short format", () => {
  it.each([
    ["14:32 2012-11-01", null, "2012-11-01T14:32"], // the seed
    ["8:02 2012-11-02", null, "2012-11-02T08:02"], // hour without a leading zero
    ["10:00 2012-1-17", null, "2012-01-17T10:00"], // unpadded date
    ["23:43 2010/2/15", null, "2010-02-15T23:43"], // log20100215.txt
    ["14:32 2012/11/1", null, "2012-11-01T14:32"], // zh-CN
    ["2:32 PM 11/1/2012", "mdy", "2012-11-01T14:32"], // en-US
    ["12:05 AM 11/13/2012", "mdy", "2012-11-13T00:05"],
    ["12:30 PM 1/2/2012", "mdy", "2012-01-02T12:30"],
    ["14:32 01.11.2012", "dmy", "2012-11-01T14:32"], // de-DE
    ["23:15 14/02/2009", "dmy", "2009-02-14T23:15"], // en-GB
    ["14:32 2012-11-01  ", null, "2012-11-01T14:32"], // trailing spaces
  ] as const)("%s", (line, order, iso) => {
    expect(read(line, order)).toBe(iso);
  });

  it.each([
    "(15:33 2012-11-02)",
    'see"16:38 2012-11-01"',
    "12:30 左右开始编译",
    "12:34 <nick> hello",
    "9:32 9:32",
    " 14:32 2012-11-01",
    "14:32 2012-11-01 and more",
    "14:32",
    "2012-11-01 14:32",
    "16:46:24.006: 3163: info : libvirt version: 0.9.6",
    "0:2345:respawn:/sbin/mingetty ttyS0",
  ])("%s is not a stamp", (line) => {
    expect(matchStampShape(line)).toBeNull();
  });

  it.each([
    ["25:61 2012-13-40", "hour 25 does not exist"],
    ["14:60 2012-11-01", "minute 60 does not exist"],
    ["14:32 2012-02-30", "day 30 does not exist in 2012-02"],
    ["14:32 2013-02-29", "day 29 does not exist in 2013-02"],
    ["14:32 2012-13-01", "month 13 does not exist"],
    ["0:15 AM 1/1/2012", "hour 0 AM does not exist"],
    ["14:32 12/11/01", "the date has no four-digit year"],
    ["14:32 0999-01-01", "year 999 is not a four-digit year"],
  ])("%s is an invalid stamp", (line, problem) => {
    expect(read(line, "mdy")).toBe(`bad: ${problem}`);
  });

  it("accepts a leap day", () => {
    expect(read("14:32 2012-02-29")).toBe("2012-02-29T14:32");
  });
});

describe("day-first or month-first, per file", () => {
  const shapes = (...lines: string[]): StampShape[] => lines.map((line) => matchStampShape(line)!);

  it("a first field over 12 settles day-first", () => {
    expect(decideDateOrder(shapes("9:00 01/02/2009", "23:15 14/02/2009"))).toEqual({ order: "dmy", ambiguous: false });
  });
  it("a second field over 12 settles month-first", () => {
    expect(decideDateOrder(shapes("2:32 PM 11/1/2012", "12:05 AM 11/13/2012"))).toEqual({ order: "mdy", ambiguous: false });
  });
  it("the majority wins when stamps disagree", () => {
    expect(decideDateOrder(shapes("23:15 14/02/2009", "10:00 15/02/2009", "9:00 02/13/2009")).order).toBe("dmy");
  });
  it("undecided: a 12-hour clock reads month-first, a 24-hour clock day-first, both ambiguous", () => {
    expect(decideDateOrder(shapes("2:32 PM 11/1/2012"))).toEqual({ order: "mdy", ambiguous: true });
    expect(decideDateOrder(shapes("14:32 01/02/2012"))).toEqual({ order: "dmy", ambiguous: true });
  });
  it("a dotted date is day-first without doubt", () => {
    expect(decideDateOrder(shapes("14:32 01.11.2012"))).toEqual({ order: "dmy", ambiguous: false });
  });
  it("year-first stamps need no decision", () => {
    expect(decideDateOrder(shapes("14:32 2012-11-01", "23:43 2010/2/15"))).toEqual({ order: "ymd", ambiguous: false });
    expect(decideDateOrder([])).toEqual({ order: null, ambiguous: false });
  });
  it("a forced order wins", () => {
    expect(decideDateOrder(shapes("23:15 14/02/2009"), "mdy")).toEqual({ order: "mdy", ambiguous: false });
  });
});

describe("the ---- and ==== underlines", () => {
  it.each([
    ["----", true],
    ["----------  ", true],
    ["---", true],
    ["================", true],
    ["--", false],
    ["==", false],
    ["---===", false],
    ["---- text", false],
    ["", false],
  ])("%j", (line, expected) => {
    expect(isUnderline(line)).toBe(expected);
  });
});

describe("a Markdown journal's stamp lines", () => {
  const read = (line: string, markdown = true) => {
    const shape = matchStampShape(line, markdown);
    if (shape === null) return null;
    const reading = readStamp(shape, "ymd");
    return reading.ok ? isoLocal(reading.time) : reading.problem;
  };

  it.each([
    ["15:25 2016-01-04", "2016-01-04T15:25"],
    ["## 15:25 2016-01-04", "2016-01-04T15:25"],
    ["### 2016-01-04 15:25", "2016-01-04T15:25"],
    ["2016-01-04 9:05", "2016-01-04T09:05"],
    ["# 15:25 2016-01-04 #", "2016-01-04T15:25"],
    ["###### 2016/1/4 15:25", "2016-01-04T15:25"],
  ])("%j is a stamp", (line, iso) => {
    expect(read(line)).toBe(iso);
  });

  it.each([["## notes of 15:25 2016-01-04"], ["####### 15:25 2016-01-04"], ["##15:25 2016-01-04"], ["2016-01-04"], ["2016-01-04 15:25 and more"]])(
    "%j is not",
    (line) => {
      expect(read(line)).toBeNull();
    },
  );

  it("only in a Markdown journal: a .LOG file's `## 15:25 2016-01-04` or `2016-01-04 15:25` is text", () => {
    expect(read("## 15:25 2016-01-04", false)).toBeNull();
    expect(read("2016-01-04 15:25", false)).toBeNull();
    expect(read("15:25 2016-01-04", false)).toBe("2016-01-04T15:25");
  });
});
