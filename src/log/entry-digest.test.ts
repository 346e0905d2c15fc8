// The digest stands for an entry's parse in the render cache's key: it must change with
// whatever the parser sees of the entry, and stay put under what only the merge changes.

import { describe, expect, it } from "vitest";
import { entryDigest } from "./entry-digest.ts";
import { parseTimeline } from "./index.ts";
import type { Timeline } from "./types.ts";

// Real lines of the seed log.
const LOG = [
  ".LOG",
  "10:03 2012-11-05",
  "arm, armv8, Cortex-A57",
  "1, A57 is the 64bit high performance core.",
  "",
  "16:38 2012-11-01",
  'GTD, add libxl api, cont1, domainInterfaceStats, see "10:03 2012-11-05"',
  "1, but there is not vif in xenlight",
  "",
].join("\n");

function logs(...files: [string, string][]): Timeline {
  return parseTimeline(files.map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })));
}

const digests = (timeline: Timeline) => timeline.entries.map((entry) => `${entry.file}:${entry.line} ${entry.digest}`);

describe("entry digest", () => {
  it("is the hash of the parse as the parser left it, before the merge filled in ids and references", () => {
    const [armv8, gtd] = [...logs(["a.log", LOG]).entries].sort((a, b) => a.line - b.line);
    expect(gtd!.references[0]!.resolved).toBe(armv8!.id);
    const asParsed = { ...gtd!, id: "", slug: "", url: "", references: gtd!.references.map((reference) => ({ ...reference, resolved: null })) };
    expect(entryDigest(asParsed)).toBe(gtd!.digest);
    expect(entryDigest(gtd!)).not.toBe(gtd!.digest);
  });

  it("is the same when only the merge changes: a second entry in the same minute gets another id and url", () => {
    const alone = logs(["a.log", LOG]);
    const second = logs(["0.log", ".LOG\n10:03 2012-11-05\ncommunity, linaro, arm Server\n"], ["a.log", LOG]);
    const armv8 = (timeline: Timeline) => timeline.entries.find((entry) => entry.file === "a.log" && entry.line === 2)!;
    expect(armv8(second).id).toBe(`${armv8(alone).id}-2`);
    expect(armv8(second).url).not.toBe(armv8(alone).url);
    expect(armv8(second).digest).toBe(armv8(alone).digest);
  });

  it("changes with the entry's text, and only for that entry", () => {
    const before = digests(logs(["a.log", LOG]));
    const after = digests(logs(["a.log", LOG.replace("not vif", "no vif")]));
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
  });

  it("changes with where the entry is: the same text on other lines or in another file", () => {
    const at = (timeline: Timeline, line: number) => timeline.entries.find((entry) => entry.line === line)!.digest;
    const original = logs(["a.log", LOG]);
    const moved = logs(["a.log", LOG.replace(".LOG\n", ".LOG\n\n")]);
    const renamed = logs(["b.log", LOG]);
    expect(at(moved, 3)).not.toBe(at(original, 2));
    expect(at(renamed, 2)).not.toBe(at(original, 2));
    expect(new Set(original.entries.map((entry) => entry.digest)).size).toBe(2);
  });
});
