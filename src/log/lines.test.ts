import { describe, expect, it } from "vitest";
import { splitLines } from "./lines.ts";

describe("splitLines", () => {
  it.each([
    ["LF", "14:32 2012-11-01\nGTD\n", [["14:32 2012-11-01", "\n"], ["GTD", "\n"]]],
    ["CRLF", "14:32 2012-11-01\r\nGTD\r\n", [["14:32 2012-11-01", "\r\n"], ["GTD", "\r\n"]]],
    ["CR", "14:32 2012-11-01\rGTD", [["14:32 2012-11-01", "\r"], ["GTD", ""]]],
    ["mixed", "a\r\nb\nc\rd", [["a", "\r\n"], ["b", "\n"], ["c", "\r"], ["d", ""]]],
    ["LF CR is two line ends", "a\n\rb", [["a", "\n"], ["", "\r"], ["b", ""]]],
    ["blank lines", "\n\n", [["", "\n"], ["", "\n"]]],
    ["empty", "", []],
  ])("%s", (_name, text, expected) => {
    const lines = splitLines(text);
    expect(lines.map((line) => [line.text, line.eol])).toEqual(expected);
    expect(lines.map((line) => line.line)).toEqual(expected.map((_, i) => i + 1));
    expect(lines.map((line) => line.text + line.eol).join("")).toBe(text);
    for (const line of lines) expect(text.slice(line.start, line.start + line.text.length)).toBe(line.text);
  });
});
