// The forms of log-format.md that the corpus lacks, one synthesized file each
// (test/fixtures/synth/, written by test/fixtures/make-fixtures.ts).

import { describe, expect, it } from "vitest";
import { parseFixture, reassemble, warningKeys } from "./fixtures.ts";
import { splitEntries } from "./split-entries.ts";

interface Expected {
  encoding: string;
  directive: string | null;
  dateOrder: string | null;
  /** `timestamp line-endLine` of each entry in file order. */
  entries: string[];
  warnings?: string[];
}

const SYNTH: Record<string, Expected> = {
  "crlf.log": { encoding: "utf-8", directive: ".LOG", dateOrder: "ymd", entries: ["2012-11-01T14:32 2-5", "2012-11-01T16:38 6-8"] },
  "cr.log": { encoding: "utf-8", directive: ".LOG", dateOrder: "ymd", entries: ["2012-11-01T14:32 2-4", "2012-11-01T16:38 5-6"] },
  "mixed-eol.log": { encoding: "utf-8", directive: ".LOG", dateOrder: "ymd", entries: ["2012-11-01T14:32 2-5", "2012-11-01T16:38 6-8"] },
  "nul.log": { encoding: "utf-8", directive: ".LOG", dateOrder: "ymd", entries: ["2012-11-01T14:32 2-4"], warnings: ["decode@3"] },
  "underline.txt": {
    encoding: "utf-8",
    directive: null,
    dateOrder: "ymd",
    entries: ["2014-03-01T14:32 1-5", "2014-03-02T09:05 6-9", "2014-03-03T10:00 10-13"],
  },
  "irc.log": { encoding: "utf-8", directive: ".LOG", dateOrder: "ymd", entries: ["2012-01-17T10:00 2-10", "2012-01-17T11:00 11-12"] },
  "todo-first-line.txt": { encoding: "utf-8", directive: ".TODO", dateOrder: "ymd", entries: ["2012-11-01T14:32 3-4"] },
  "preamble.txt": { encoding: "utf-8", directive: null, dateOrder: "ymd", entries: ["2012-11-01T14:32 4-5"] },
  "utf16le-bom.txt": { encoding: "utf-16le", directive: ".LOG", dateOrder: "ymd", entries: ["2012-11-01T14:32 2-6"] },
  "utf16be-bom.txt": { encoding: "utf-16be", directive: ".LOG", dateOrder: "ymd", entries: ["2012-11-01T14:32 2-6"] },
  "gbk.txt": {
    encoding: "gb18030",
    directive: ".LOG",
    dateOrder: "ymd",
    entries: ["2012-11-01T14:32 2-6", "2012-11-02T08:02 7-11"],
    warnings: ["encoding-guess@0"],
  },
  "cp1252.txt": {
    encoding: "windows-1252",
    directive: ".LOG",
    dateOrder: "dmy",
    entries: ["2012-11-01T14:32 2-4", "2012-11-02T09:05 5-6"],
    warnings: ["encoding-guess@0"],
  },
  "en-US.txt": {
    encoding: "utf-8",
    directive: ".LOG",
    dateOrder: "mdy",
    entries: ["2012-11-01T14:32 2-3", "2012-11-13T00:05 4-5", "2012-12-01T09:00 6-7"],
  },
  "de-DE.txt": { encoding: "utf-8", directive: ".LOG", dateOrder: "dmy", entries: ["2012-11-01T14:32 2-3", "2012-11-02T09:05 4-5"] },
  "en-GB.txt": { encoding: "utf-8", directive: ".LOG", dateOrder: "dmy", entries: ["2009-02-14T23:15 2-3", "2009-03-01T08:00 4-5"] },
  "zh-CN.txt": { encoding: "utf-8", directive: ".LOG", dateOrder: "ymd", entries: ["2012-11-01T14:32 2-3", "2012-11-02T09:05 4-5"] },
  "unpadded.txt": { encoding: "utf-8", directive: ".LOG", dateOrder: "ymd", entries: ["2012-01-17T10:00 2-3", "2012-11-02T08:02 4-5"] },
  "restamp.txt": { encoding: "utf-8", directive: ".LOG", dateOrder: "ymd", entries: ["2012-04-01T13:53 2-8", "2012-04-01T14:25 9-10"] },
  "ambiguous.txt": {
    encoding: "utf-8",
    directive: null,
    dateOrder: "dmy",
    entries: ["2012-02-01T14:32 1-2", "2012-04-03T09:00 3-4"],
    warnings: ["ambiguous-date-order@1"],
  },
};

describe("synthesized fixtures", () => {
  it.each(Object.entries(SYNTH))("%s", (name, expected) => {
    const path = `synth/${name}`;
    const timeline = parseFixture(path);
    const [file] = timeline.files;
    expect({ encoding: file!.encoding, directive: file!.directive, dateOrder: file!.dateOrder }).toEqual({
      encoding: expected.encoding,
      directive: expected.directive,
      dateOrder: expected.dateOrder,
    });
    expect(timeline.entries.map((entry) => `${entry.timestamp} ${entry.line}-${entry.endLine}`)).toEqual(expected.entries);
    expect(warningKeys(timeline.warnings)).toEqual(expected.warnings ?? []);
    expect(reassemble(timeline, path)).toBe(file!.text);
  });

  it("decodes the legacy code pages and UTF-16 to the same text", () => {
    const chinese = "嵌入式，arm, s3c2410, 远峰开发板学习（续）, vivi";
    for (const name of ["gbk.txt", "utf16le-bom.txt", "utf16be-bom.txt"]) {
      expect(parseFixture(`synth/${name}`).entries[0]!.raw.split("\r\n")[1]).toBe(chinese);
    }
    expect(parseFixture("synth/cp1252.txt").files[0]!.text).toContain("The “smart quotes” cost 5 € — Straße, Ærø, señor.");
  });

  it("keeps line ends in raw text: CRLF, CR and mixed", () => {
    expect(parseFixture("synth/crlf.log").entries[0]!.raw).toBe("14:32 2012-11-01\r\nGTD\r\n1, today\r\n\r\n");
    expect(parseFixture("synth/cr.log").entries[1]!.raw).toBe("16:38 2012-11-01\rvirtualization, libvirt\r");
    expect(parseFixture("synth/mixed-eol.log").entries[1]!.raw).toBe("16:38 2012-11-01\r\nsecond\rlast");
  });

  it("gives the ---- underline to the stamp, and only right under it", () => {
    const [first, second, third] = parseFixture("synth/underline.txt").entries;
    expect(first!.stampText).toBe("14:32 2014-03-01\n----");
    expect(second!.stampText).toBe("9:05 2014-03-02\n----------");
    expect(third!.stampText).toBe("10:00 2014-03-03");
    expect(first!.title).toBe("markdown flavoured");
  });

  it("takes a ==== underline too, and ATX and date-first stamps in a Markdown journal", () => {
    const text = "# 2016\n\n15:25 2016-01-04\n================\nbody\n## 9:05 2016-01-05\nsecond\n### 2016-01-06 10:00\nthird\n";
    const split = splitEntries("log201601.markdown", text);
    expect(split.format).toBe("markdown");
    expect(split.preamble).toBe("# 2016\n\n");
    expect(split.entries.map((entry) => [entry.line, entry.stampText, entry.lines.map((line) => line.text)])).toEqual([
      [3, "15:25 2016-01-04\n================", ["body"]],
      [6, "## 9:05 2016-01-05", ["second"]],
      [8, "### 2016-01-06 10:00", ["third"]],
    ]);
    // The same text in a .txt file: only the plain stamp starts an entry, and its underline makes the file Markdown.
    const plain = splitEntries("log201601.txt", text);
    expect(plain.format).toBe("markdown");
    expect(plain.entries.map((entry) => entry.line)).toEqual([3]);
  });

  it("decides the format per file: the name, or a first stamp underlined; .LOG is always literal", () => {
    expect(splitEntries("a.md", "14:32 2012-11-01\nbody\n").format).toBe("markdown");
    expect(splitEntries("a.txt", "14:32 2012-11-01\n----\nbody\n").format).toBe("markdown");
    expect(splitEntries("a.txt", "14:32 2012-11-01\nbody\n").format).toBe("log");
    expect(splitEntries("a.md", ".LOG\n14:32 2012-11-01\n----\nbody\n").format).toBe("log");
    expect(splitEntries("a.md", ".LOG\n## 14:32 2012-11-01\n").entries).toEqual([]);
  });

  it("warns about a file with text but no entry, naming it", () => {
    expect(splitEntries("notes.txt", "just notes\n").warnings.map((w) => [w.file, w.line, w.code])).toEqual([["notes.txt", 0, "no-entries"]]);
    for (const text of ["", ".LOG\n", "\n  \n", ".LOG\r\n\r\n"]) expect(splitEntries("empty.txt", text).warnings).toEqual([]);
  });

  it("keeps a directive and the notes before the first stamp as the preamble", () => {
    expect(parseFixture("synth/todo-first-line.txt").files[0]!.preamble).toBe(".TODO\nbuy milk\n");
    expect(parseFixture("synth/preamble.txt").files[0]!.preamble).toBe("My engineering log, started 2012.\nNotes before the first stamp.\n\n");
  });

  it("gives each entry its lines after the stamp, numbered in the file", () => {
    const split = splitEntries("f", "x\n14:32 2014-03-01\n----\nbody\n\n9:05 2014-03-02\n");
    expect(split.entries.map((entry) => entry.lines.map((line) => `${line.line}:${line.text}`))).toEqual([["4:body", "5:"], []]);
  });

  it("lets dateOrder override the file's own evidence", () => {
    const timeline = parseFixture("synth/en-GB.txt", { dateOrder: "mdy" });
    expect(timeline.entries.map((entry) => entry.timestamp)).toEqual(["2009-01-03T08:00"]);
    expect(warningKeys(timeline.warnings)).toEqual(["bad-stamp@2"]);
  });
});
