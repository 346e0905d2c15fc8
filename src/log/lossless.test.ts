// Lossless, proven: for every file, preamble + the entries' raw texts in file order equal the
// decoded text, and no input throws — over random strings, random splices of real lines,
// random bytes, and every corpus file.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIXTURES, reassemble } from "./fixtures.ts";
import { parseTimeline } from "./index.ts";
import { splitEntries } from "./split-entries.ts";

const CORPUS = join(FIXTURES, "corpus");
const CORPUS_FILES = readdirSync(CORPUS).filter((name) => name.endsWith(".txt"));
const SEED = join(FIXTURES, "../../content/000_76b23a5250f26162.txt");
const REAL_LINES = [SEED, ...CORPUS_FILES.map((name) => join(CORPUS, name))].flatMap((path) =>
  readFileSync(path, "utf8").split("\n"),
);

const lineEnd = fc.constantFrom("\n", "\r\n", "\r");
const stampLike = fc.oneof(
  fc.constantFrom("14:32 2012-11-01", "8:02 2012-11-02", "2:32 PM 11/1/2012", "23:15 14/02/2009", "25:61 2012-13-40", "----", ".LOG"),
  fc
    .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 35 }))
    .map(([h, m, mo, d]) => `${h}:${String(m).padStart(2, "0")} 2012-${mo}-${d}`),
);
const anyLine = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), stampLike, fc.constantFrom(...REAL_LINES));
const document = fc
  .array(fc.tuple(anyLine, lineEnd), { maxLength: 60 })
  .chain((lines) => fc.boolean().map((finalEol) => lines.map(([text, eol], i) => text + (i < lines.length - 1 || finalEol ? eol : "")).join("")));

function assertLossless(bytes: Uint8Array): void {
  const timeline = parseTimeline([{ file: "f.log", bytes }]);
  expect(reassemble(timeline, "f.log")).toBe(timeline.files[0]!.text);
  for (const entry of timeline.entries) {
    expect(entry.endLine).toBeGreaterThanOrEqual(entry.line);
  }
}

describe("lossless", () => {
  it("splits any string into preamble + raw entries that rebuild it", () => {
    fc.assert(
      fc.property(document, (text) => {
        const split = splitEntries("f", text);
        expect(split.preamble + split.entries.map((entry) => entry.raw).join("")).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("parses random splices of real corpus lines without throwing or losing text", () => {
    fc.assert(
      fc.property(document, (text) => assertLossless(new TextEncoder().encode(text))),
      { numRuns: 200 },
    );
  });

  it("parses random bytes (with and without BOMs) without throwing or losing text", () => {
    const bom = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
    fc.assert(
      fc.property(bom, fc.uint8Array({ maxLength: 400 }), (prefix, body) => assertLossless(Uint8Array.from([...prefix, ...body]))),
      { numRuns: 300 },
    );
  });

  it("parses random strings in every encoding dotlog reads", () => {
    const encoding = fc.constantFrom("utf-8", "utf-16le", "utf-16be", "gbk", "windows-1252");
    fc.assert(
      fc.property(document, encoding, (text, forced) => {
        const timeline = parseTimeline([{ file: "f.log", bytes: new TextEncoder().encode(text) }], { encoding: forced });
        expect(reassemble(timeline, "f.log")).toBe(timeline.files[0]!.text);
      }),
      { numRuns: 100 },
    );
  });

  it.each(CORPUS_FILES)("rebuilds corpus file %s exactly", (name) => {
    const bytes = readFileSync(join(CORPUS, name));
    const timeline = parseTimeline([{ file: name, bytes }]);
    const withoutBom = bytes[0] === 0xef ? bytes.subarray(3) : bytes;
    expect(timeline.files[0]!.text).toBe(withoutBom.toString("utf8"));
    expect(reassemble(timeline, name)).toBe(timeline.files[0]!.text);
  });

  it("rebuilds every file when several are merged", () => {
    const inputs = CORPUS_FILES.map((name) => ({ file: name, bytes: readFileSync(join(CORPUS, name)) }));
    const timeline = parseTimeline(inputs);
    for (const { file } of inputs) expect(reassemble(timeline, file)).toBe(timeline.files.find((f) => f.file === file)!.text);
  });
});
