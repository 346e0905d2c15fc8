// Entry page models share one list of parts a series: a series of n parts makes n part models,
// not n² (the corpus has series of up to 325 parts).

import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTimeline } from "../../log/index.ts";
import type { Timeline } from "../../log/types.ts";
import { resolveSiteOptions } from "../config/index.ts";
import { assemblePages } from "./assemble.ts";
import type { EntryPage } from "./types.ts";

const SEED = path.resolve("content/000_76b23a5250f26162.txt");
const CORPUS = path.resolve("test/fixtures/corpus");

let timeline: Timeline;
let entries: EntryPage[];

beforeAll(async () => {
  const files = [SEED, ...(await readdir(CORPUS)).filter((file) => file.endsWith(".txt")).map((file) => path.join(CORPUS, file))];
  timeline = await loadTimeline(files);
  entries = assemblePages({ timeline, bodies: new Map(), options: resolveSiteOptions({}, "content") }).entries;
});

describe("entry pages in a series", () => {
  it("share their series' one list of parts, and know their own part number", () => {
    const inSeries = entries.filter((entry) => entry.series !== null);
    const long = inSeries.find((entry) => entry.series!.parts.length >= 3);
    expect(long).toBeDefined();
    for (const entry of inSeries) {
      const series = entry.series!;
      // Every entry of the series holds the same object.
      for (const part of series.parts) expect(entries.find((other) => other.id === part.id)!.series).toBe(series);
      const own = series.parts.filter((part) => part.id === entry.id);
      expect(own).toHaveLength(1);
      expect(entry.seriesPart).toBe(own[0]!.part);
    }
  });

  it("lists the series' entries in the timeline's order, numbered as written", () => {
    for (const info of timeline.series.values()) {
      const first = entries.find((entry) => entry.id === info.parts[0]);
      expect(first?.series?.parts.map((part) => part.id)).toEqual(info.parts);
      const numbers = first!.series!.parts.map((part, i) => timeline.byId.get(part.id)!.series?.part ?? i + 1);
      expect(first!.series!.parts.map((part) => part.part)).toEqual(numbers);
    }
  });

  it("leave series and part number empty for an entry in no series", () => {
    const alone = entries.filter((entry) => timeline.byId.get(entry.id)!.series === null);
    expect(alone.length).toBeGreaterThan(0);
    for (const entry of alone) {
      expect(entry.series).toBeNull();
      expect(entry.seriesPart).toBeNull();
    }
  });
});
