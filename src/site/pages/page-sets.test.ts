import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inBatches, outputFile, PAGE_SETS } from "./page-sets.ts";

const TEMPLATES = path.resolve("templates");
const read = (template: string) => readFileSync(path.join(TEMPLATES, template), "utf8");

describe("PAGE_SETS", () => {
  it("has a set for every paginated template, paginating over its own `dotlog.write` list", () => {
    const paginated = readdirSync(TEMPLATES, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".njk") && /^pagination:/m.test(read(file)))
      .map((file) => file.split(path.sep).join("/"))
      .sort();
    const templated = PAGE_SETS.filter((set) => set.template !== null);
    expect(templated.map((set) => set.template).sort()).toEqual(paginated);
    for (const set of templated) expect(read(set.template!)).toMatch(new RegExp(`^  data: dotlog\\.write\\.${set.name}$`, "m"));
    // The others are written by the build itself.
    for (const set of PAGE_SETS) expect(set.template === null).toBe(set.contents !== undefined);
  });

  // An incremental build keeps a page whose `reads` did not change: data a template reads
  // without declaring it would leave pages stale.
  it("declares every `dotlog` datum a paginated template reads besides its page", () => {
    for (const set of PAGE_SETS) {
      if (set.template === null) continue;
      const body = read(set.template).replace(/^---\n[\s\S]*?\n---\n/, "");
      const used = [...new Set(body.match(/\bdotlog(?:\.\w+)+/g) ?? [])].sort();
      expect({ template: set.template, used }).toEqual({ template: set.template, used: [...set.shared].sort() });
    }
  });
});

describe("outputFile", () => {
  it("writes a folder URL as its index.html and a file URL as itself, as Eleventy does", () => {
    expect(outputFile("/")).toBe("index.html");
    expect(outputFile("/2012/11/07/1252-gtd/")).toBe("2012/11/07/1252-gtd/index.html");
    expect(outputFile("/tags/gdb/feed.xml")).toBe("tags/gdb/feed.xml");
  });
});

describe("inBatches", () => {
  it("cuts the pages into batches of at most the size, set by set, losing none", () => {
    const batches = inBatches({ entries: ["e0", "e1", "e2", "e3", "e4"], days: ["d0", "d1", "d2"] }, 4);
    expect(batches.map((batch) => [batch["entries"], batch["days"]])).toEqual([
      [["e0", "e1", "e2", "e3"], []],
      [["e4"], ["d0", "d1", "d2"]],
    ]);
    for (const batch of batches) expect(Object.keys(batch).sort()).toEqual(PAGE_SETS.map((set) => set.name).sort());
  });

  it("puts every page the build writes itself in the first batch, uncounted", () => {
    const batches = inBatches({ entries: ["e0", "e1", "e2"], redirects: ["r0", "r1", "r2"], days: ["d0"] }, 2);
    expect(batches.map((batch) => [batch["entries"], batch["redirects"], batch["days"]])).toEqual([
      [["e0", "e1"], ["r0", "r1", "r2"], []],
      [["e2"], [], ["d0"]],
    ]);
  });

  it("gives one empty batch for no pages: the site-wide pages are still written once", () => {
    expect(inBatches({}, 10)).toHaveLength(1);
    expect(Object.values(inBatches({}, 10)[0]!).every((items) => items.length === 0)).toBe(true);
  });
});
