// The real journals of test/fixtures/corpus/ (see SOURCES.md there). The expected entry counts
// were checked by eye: every line that holds only a Notepad stamp starts an entry, and
// nothing else does (log200708.txt's `13:21的时候…` and `9:50-现在…`, log201204novell.txt's
// `0:2345:respawn…` and libvirt's `16:46:24.006: …` debug lines are prose or output).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isBadTitle, notATag } from "../../test/fixtures/not-a-tag.ts";
import { FIXTURES } from "./fixtures.ts";
import { parseTimeline } from "./index.ts";
import { matchPrompt } from "./prompts.ts";
import type { Entry } from "./types.ts";

const EXPECTED: Record<string, { entries: number; encoding: string; directive: string | null; first: string; last: string }> = {
  "log200708.txt": { entries: 191, encoding: "utf-8", directive: null, first: "2007-08-01T22:51", last: "2007-09-01T14:22" },
  "log20100215.txt": { entries: 1, encoding: "utf-8-bom", directive: ".LOG", first: "2010-02-15T23:43", last: "2010-02-15T23:43" },
  "log201204novell.txt": { entries: 82, encoding: "utf-8", directive: ".LOG", first: "2012-04-01T13:53", last: "2012-04-30T19:44" },
  "log2013.txt": { entries: 96, encoding: "utf-8", directive: ".LOG", first: "2013-01-04T14:25", last: "2013-12-17T12:26" },
};

// Written independently of stamp.ts: Notepad's year-first short formats, nothing else on the line.
const NOTEPAD_STAMP = /^\d{1,2}:\d{2} \d{4}[-/]\d{1,2}[-/]\d{1,2}$/;

describe.each(Object.entries(EXPECTED))("corpus %s", (name, expected) => {
  const text = readFileSync(join(FIXTURES, "corpus", name), "utf8").replace(/^\uFEFF/, "");
  const lines = text.split("\n");
  const timeline = parseTimeline([{ file: name, bytes: readFileSync(join(FIXTURES, "corpus", name)) }]);
  const entries = [...timeline.entries].sort((a, b) => a.line - b.line);

  it("has one entry per true stamp line", () => {
    expect(timeline.entries).toHaveLength(expected.entries);
    const stampLines = lines.flatMap((line, i) => (NOTEPAD_STAMP.test(line) ? [i + 1] : []));
    expect(entries.map((entry) => entry.line)).toEqual(stampLines);
  });

  it("reads the file's encoding and first line", () => {
    expect(timeline.files[0]!.encoding).toBe(expected.encoding);
    expect(timeline.files[0]!.directive).toBe(expected.directive);
  });

  it("reads the stamps' times", () => {
    expect(entries[0]!.timestamp).toBe(expected.first);
    expect(entries.at(-1)!.timestamp).toBe(expected.last);
  });

  it("puts no entry boundary inside a transcript", () => {
    for (const entry of entries) {
      // A stamp printed by a command (`date`) would sit right under its prompt line.
      const above = lines[entry.line - 2];
      if (above !== undefined) expect(matchPrompt(above), `line ${entry.line - 1} of ${name}`).toBeNull();
      for (const block of entry.blocks) {
        expect(block.line).toBeGreaterThan(entry.line);
        expect(block.endLine).toBeLessThanOrEqual(entry.endLine);
      }
    }
  });

  it("ends each entry where the next begins", () => {
    entries.slice(1).forEach((entry, i) => expect(entries[i]!.endLine).toBe(entry.line - 1));
    expect(entries.at(-1)!.endLine).toBe(text.endsWith("\n") ? lines.length - 1 : lines.length);
  });
});

// Issue 18 on the four real months: no tag has the shape of code, a path, a URL, an address,
// a stamp or a date, and no title is only punctuation, digits or an underline. The shapes are
// written here independently of header-shapes.ts.
describe("the corpus's headers", () => {
  const timeline = parseTimeline(
    Object.keys(EXPECTED).map((name) => ({ file: name, bytes: readFileSync(join(FIXTURES, "corpus", name)) })),
  );
  it("makes no tag of code, a path, a URL, an address, a stamp or a date", () => {
    const bad = timeline.entries.flatMap((entry) =>
      entry.tags.flatMap((tag) => notATag(tag).map((what) => `${entry.file}:${entry.line} ${what}: ${tag}`)),
    );
    expect(bad).toEqual([]);
    // The rule still finds the tags that are there.
    expect(timeline.tags.size).toBeGreaterThan(250);
    for (const tag of ["SOM(system-on-module)", "wenquanyi(文泉驿)", "APCS(arm过程调用标准)", "qemu/kvm", "read qemu/libxl console code", "libxl_get_console_tty", "8064"]) {
      expect(timeline.entries.some((entry) => entry.tags.includes(tag)), tag).toBe(true);
    }
  });

  it("titles no entry with only punctuation, digits or an underline, nor with a line of code", () => {
    const bad = timeline.entries.filter((entry) => isBadTitle(entry.title, entry.stampText));
    expect(bad.map((entry) => `${entry.file}:${entry.line} ${entry.title}`)).toEqual([]);
    // Entries of numbers only are titled by their stamp (log200708.txt 815).
    expect(timeline.entries.find((entry) => entry.id === "2007-08-13T18:04")?.title).toBe("18:04 2007-08-13");
  });
});
