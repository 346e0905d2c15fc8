// The bad-input corpus (test/fixtures/bad/, written by test/fixtures/make-fixtures.ts):
// each file parses without throwing, loses no text, and reports exactly these warnings.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, parseFixture, reassemble, warningKeys } from "./fixtures.ts";
import { parseTimeline } from "./index.ts";

interface Expected {
  entries: number;
  warnings: string[];
  encoding?: string;
}

const BAD: Record<string, Expected> = {
  "empty.txt": { entries: 0, warnings: [], encoding: "utf-8" },
  "only-log.txt": { entries: 0, warnings: [] },
  "only-log-crlf.txt": { entries: 0, warnings: [] },
  "bom-only.txt": { entries: 0, warnings: [], encoding: "utf-8-bom" },
  "whitespace-only.txt": { entries: 0, warnings: [] },
  "utf16le-no-bom.txt": { entries: 1, warnings: ["encoding-guess@0"], encoding: "utf-16le" },
  "utf16be-no-bom.txt": { entries: 1, warnings: ["encoding-guess@0"], encoding: "utf-16be" },
  "gbk-no-bom.txt": { entries: 1, warnings: ["encoding-guess@0"], encoding: "gb18030" },
  "cp1252-no-bom.txt": { entries: 1, warnings: ["encoding-guess@0"], encoding: "windows-1252" },
  "lone-surrogate-utf8.txt": { entries: 1, warnings: ["encoding-guess@0", "decode@5"], encoding: "utf-8" },
  "lone-surrogate-utf16le.txt": { entries: 1, warnings: ["decode@3"], encoding: "utf-16le" },
  "utf16-odd-length.txt": { entries: 1, warnings: ["decode@3"], encoding: "utf-16le" },
  "invalid-utf8.txt": { entries: 1, warnings: ["encoding-guess@0", "decode@9"], encoding: "utf-8" },
  "nul-bytes.txt": { entries: 1, warnings: ["decode@3", "decode@5"] },
  "invalid-stamps.txt": {
    entries: 2,
    warnings: [...[4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((line) => `bad-stamp@${line}`), "out-of-order@18"],
  },
  "duplicate-stamps.txt": { entries: 3, warnings: ["duplicate-stamp@4", "duplicate-stamp@6"] },
  "out-of-order.txt": { entries: 3, warnings: ["out-of-order@4"] },
  // parse-entry reports the open quote; the stamp after it still names a (missing) entry.
  "unclosed-see.txt": { entries: 1, warnings: ["unclosed-ref@5", "unresolved-ref@5"] },
  "deep-outline.txt": { entries: 1, warnings: [] },
  "emoji.txt": { entries: 1, warnings: [] },
  "rtl.txt": { entries: 1, warnings: [] },
  "conflicting-date-order.txt": { entries: 2, warnings: ["bad-stamp@5"] },
  "ambiguous-date-order.txt": { entries: 2, warnings: ["ambiguous-date-order@2"] },
  // Text, but no line that starts an entry: the file is named, its text kept.
  "stamp-lookalikes.txt": { entries: 0, warnings: ["no-entries@0"] },
  "double-bom.txt": { entries: 1, warnings: [], encoding: "utf-8-bom" },
  "no-final-newline.txt": { entries: 1, warnings: [] },
  "stamp-at-eof.txt": { entries: 1, warnings: [] },
  "consecutive-stamps.txt": { entries: 3, warnings: [] },
  "control-chars.txt": { entries: 1, warnings: [] },
  "underline-alone.txt": { entries: 1, warnings: [] },
  // Headers that are not headers, and elements that are not tags (bad-headers.test.ts); the
  // quoted stamp of 9:16 names an entry the file does not have.
  "bad-headers.txt": { entries: 46, warnings: ["unresolved-ref@75"] },
};

describe("bad input", () => {
  it("covers every file of the bad-input corpus", () => {
    const files = readdirSync(join(FIXTURES, "bad")).sort();
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(files).toEqual([...Object.keys(BAD), "binary-noise.bin"].sort());
  });

  it.each(Object.entries(BAD))("%s", (name, expected) => {
    const path = `bad/${name}`;
    const timeline = parseFixture(path);
    expect(timeline.entries).toHaveLength(expected.entries);
    expect(warningKeys(timeline.warnings)).toEqual(expected.warnings);
    for (const warning of timeline.warnings) expect(warning.file).toBe(path);
    if (expected.encoding !== undefined) expect(timeline.files[0]!.encoding).toBe(expected.encoding);
    expect(reassemble(timeline, path)).toBe(timeline.files[0]!.text);
  });

  it("keeps what could not be decoded as U+FFFD and NUL bytes as they are", () => {
    expect(parseFixture("bad/lone-surrogate-utf8.txt").files[0]!.text.split("\n")[4]).toMatch(/^a lone surrogate \uFFFD+ here$/);
    expect(parseFixture("bad/lone-surrogate-utf16le.txt").files[0]!.text.split("\r\n")[2]).toBe("lone \uFFFD surrogate");
    expect(parseFixture("bad/nul-bytes.txt").files[0]!.text).toBe(".LOG\n14:32 2012-11-01\none\0\nclean\n\0\0two at the start\n");
    expect(parseFixture("bad/double-bom.txt").files[0]!.text).toBe("\uFEFF.LOG\n14:32 2012-11-01\ntext\n");
  });

  it("reports binary noise once for the file and once a damaged line, up to a limit", () => {
    const timeline = parseFixture("bad/binary-noise.bin");
    const text = timeline.files[0]!.text;
    const damaged = text.split(/\r\n|\n|\r/).flatMap((line, i) => (/[\0\uFFFD]/.test(line) ? [i + 1] : []));
    expect(damaged.length).toBeGreaterThan(20);
    expect(warningKeys(timeline.warnings)).toEqual([
      "encoding-guess@0",
      "decode@0",
      "no-entries@0",
      ...damaged.slice(0, 20).map((line) => `decode@${line}`),
      `decode@${damaged[20]}`,
    ]);
    expect(timeline.warnings.at(-1)!.message).toBe(`${damaged.length - 20} more lines from here on have invalid bytes or NUL bytes`);
    expect(reassemble(timeline, "bad/binary-noise.bin")).toBe(text);
  });

  it("reads a 5 MB single line", () => {
    const line = "x".repeat(5 * 1024 * 1024);
    for (const text of [line, `.LOG\n14:32 2012-11-01\n${line}\n`]) {
      const timeline = parseTimeline([{ file: "long.log", bytes: new TextEncoder().encode(text) }]);
      expect(timeline.warnings.map((warning) => warning.code)).toEqual(text === line ? ["no-entries"] : []);
      expect(reassemble(timeline, "long.log")).toBe(text);
    }
  });

  it("reads 200,000 short entries", () => {
    const start = Date.UTC(2000, 0, 1);
    const parts = [".LOG\n"];
    for (let n = 0; n < 200_000; n++) {
      const t = new Date(start + n * 60_000);
      parts.push(`${t.getUTCHours()}:${String(t.getUTCMinutes()).padStart(2, "0")} ${t.getUTCFullYear()}-${t.getUTCMonth() + 1}-${t.getUTCDate()}\nentry ${n}\n`);
    }
    const text = parts.join("");
    const timeline = parseTimeline([{ file: "many.log", bytes: new TextEncoder().encode(text) }]);
    expect(timeline.entries).toHaveLength(200_000);
    expect(timeline.warnings).toEqual([]);
    expect(timeline.entries.at(-1)!.id).toBe(new Date(start + 199_999 * 60_000).toISOString().slice(0, 16));
    expect(new Set(timeline.entries.map((entry) => entry.url)).size).toBe(200_000);
    expect(reassemble(timeline, "many.log")).toBe(text);
  });
});
