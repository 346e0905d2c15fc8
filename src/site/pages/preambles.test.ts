import { describe, expect, it } from "vitest";
import { parseTimeline } from "../../log/index.ts";
import { fileNotes } from "./preambles.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("fileNotes", () => {
  const timeline = parseTimeline([
    { file: "/c/seedlike.txt", bytes: bytes(".LOG\n14:32 2012-11-01\nGTD\n") },
    { file: "/c/notes.txt", bytes: bytes(".LOG\n\nreading list\n\tesc\u001b here\n\n14:32 2012-11-02\nGTD\n") },
    { file: "/c/sub/plain.txt", bytes: bytes("no stamps at all\nsecond line\n") },
  ]);

  it("keeps the text before each file's first entry, without Notepad's .LOG line", () => {
    const notes = fileNotes(timeline.files, { showSource: true, contentDir: "/c" });
    expect(notes).toEqual([
      { file: "notes.txt", text: "reading list\n\tesc\u241b here" },
      { file: "sub/plain.txt", text: "no stamps at all\nsecond line" },
    ]);
  });

  it("names no file unless sources are shown", () => {
    expect(fileNotes(timeline.files, { showSource: false }).map((note) => note.file)).toEqual([null, null]);
  });
});
