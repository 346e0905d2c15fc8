// The entry points as the site and the CLI call them: several files, an unreadable one,
// options (encoding, dateOrder, redact, blogPhrases).

import { describe, expect, it } from "vitest";
import { FIXTURES, warningKeys } from "./fixtures.ts";
import { loadTimeline, parseTimeline } from "./index.ts";

const encode = (text: string) => new TextEncoder().encode(text);

describe("loadTimeline", () => {
  it("reads files as given, in order, and reports an unreadable one instead of throwing", async () => {
    const paths = [`${FIXTURES}synth/en-GB.txt`, `${FIXTURES}synth/no-such-file.log`, `${FIXTURES}synth/crlf.log`];
    const timeline = await loadTimeline(paths);
    expect(timeline.files.map((file) => file.file)).toEqual([paths[0], paths[2]]);
    expect(timeline.entries).toHaveLength(4);
    expect(timeline.warnings[0]).toMatchObject({ file: paths[1], line: 0, code: "unreadable" });
    expect(timeline.warnings[0]!.message).toContain("ENOENT");
  });

  it("passes encoding and dateOrder to every file", async () => {
    const timeline = await loadTimeline([`${FIXTURES}synth/en-GB.txt`, `${FIXTURES}synth/de-DE.txt`], { dateOrder: "dmy", encoding: "windows-1252" });
    expect(timeline.files.map((file) => [file.encoding, file.dateOrder])).toEqual([
      ["windows-1252", "dmy"],
      ["windows-1252", "dmy"],
    ]);
    expect(timeline.entries.map((entry) => entry.timestamp)).toEqual(["2009-02-14T23:15", "2009-03-01T08:00", "2012-11-01T14:32", "2012-11-02T09:05"]);
  });
});

describe("parseTimeline options", () => {
  it("masks what redact asks before splitting, and never a stamp line", () => {
    const text = ".LOG\n14:32 2012-11-01\nnetwork, nfs\nmount 147.2.207.77:/home from 10.0.0.1, mail jim@example.com\n";
    const timeline = parseTimeline([{ file: "a.log", bytes: encode(text) }], { redact: { rules: ["ipv4", "email"], mask: "[x]" } });
    expect(timeline.files[0]!.text).toBe(".LOG\n14:32 2012-11-01\nnetwork, nfs\nmount [x]:/home from [x], mail [x]\n");
    expect(timeline.files[0]!.redacted).toBe(3);
    expect(timeline.entries[0]!.raw).toBe("14:32 2012-11-01\nnetwork, nfs\nmount [x]:/home from [x], mail [x]\n");
    expect(timeline.entries[0]!.timestamp).toBe("2012-11-01T14:32");
  });

  it("has no redacted count when nothing was asked", () => {
    expect(parseTimeline([{ file: "a.log", bytes: encode("x\n") }]).files[0]).not.toHaveProperty("redacted");
  });

  it("passes blogPhrases to every entry", () => {
    const text = ".LOG\n10:37 2012-11-05\nGTD\n1, today\n1), 40' armv8 and arm server\n\\TODO: turn into a post\n";
    const [plain] = parseTimeline([{ file: "a.log", bytes: encode(text) }]).entries;
    const [asked] = parseTimeline([{ file: "a.log", bytes: encode(text) }], { blogPhrases: ["into a post"] }).entries;
    expect(plain!.todos.map((todo) => todo.blog)).toEqual([false]);
    expect(asked!.todos.map((todo) => [todo.item, todo.blog])).toEqual([["1-1", true]]);
  });

  it("reads references in a file's own date order", () => {
    const text = '23:15 14/02/2009\nfirst\n9:00 15/02/2009\nsee"23:15 14/02/2009"\n';
    const timeline = parseTimeline([{ file: "gb.log", bytes: encode(text) }]);
    expect(timeline.entries[1]!.references.map((ref) => ref.resolved)).toEqual(["2009-02-14T23:15"]);
    expect(warningKeys(timeline.warnings)).toEqual([]);
  });
});
