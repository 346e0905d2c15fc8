// Entry page models and their series: a short series is one list shared by its pages; a long
// one shows each page the parts around its own, so that a series of n parts never makes n²
// part models (the 10,000-entry bench log has series of up to 325 parts, the 20,000 of 663).

import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTimeline, parseTimeline } from "../../log/index.ts";
import type { Timeline } from "../../log/types.ts";
import { resolveSiteOptions } from "../config/index.ts";
import { assemblePages } from "./assemble.ts";
import { SERIES_AROUND, SERIES_LISTED_WHOLE, seriesWindow } from "./series.ts";
import type { EntryPage, SeriesPage, SeriesPart } from "./types.ts";

const SEED = path.resolve("content/000_76b23a5250f26162.txt");
const CORPUS = path.resolve("test/fixtures/corpus");

let timeline: Timeline;
let entries: EntryPage[];
let series: SeriesPage[];

beforeAll(async () => {
  const files = [SEED, ...(await readdir(CORPUS)).filter((file) => file.endsWith(".txt")).map((file) => path.join(CORPUS, file))];
  timeline = await loadTimeline(files);
  ({ entries, series } = assemblePages({ timeline, bodies: new Map(), options: resolveSiteOptions({}, "content") }));
});

describe("entry pages in a series", () => {
  it("share a short series' one list of every part, and know their own part number", () => {
    const inSeries = entries.filter((entry) => entry.series !== null);
    // The seed's 远峰开发板学习（续） has 13 parts.
    expect(Math.max(...inSeries.map((entry) => entry.series!.count))).toBeGreaterThanOrEqual(13);
    for (const entry of inSeries) {
      const view = entry.series!;
      expect(view.count).toBeLessThanOrEqual(SERIES_LISTED_WHOLE);
      expect(view.parts).toHaveLength(view.count);
      // Every entry of the series holds the same object.
      for (const part of view.parts) expect(entries.find((other) => other.id === part!.id)!.series).toBe(view);
      const own = view.parts.filter((part) => part!.id === entry.id);
      expect(own).toHaveLength(1);
      expect(entry.seriesPart).toBe(own[0]!.part);
      expect(series.find((page) => page.url === view.url)?.parts).toBe(view.parts);
    }
  });

  it("make a page a series, listing its entries in the timeline's order, numbered as written", () => {
    expect(series.map((page) => page.name)).toEqual([...timeline.series.values()].map((info) => info.name));
    for (const [i, info] of [...timeline.series.values()].entries()) {
      const page = series[i]!;
      expect(page.url).toBe(`/series/${page.slug}/`);
      expect(page.parts.map((part) => part.id)).toEqual(info.parts);
      const numbers = page.parts.map((part, i) => timeline.byId.get(part.id)!.series?.part ?? i + 1);
      expect(page.parts.map((part) => part.part)).toEqual(numbers);
      expect(page.parts.map((part) => part.position)).toEqual(info.parts.map((_, i) => i + 1));
    }
    expect(new Set(series.map((page) => page.url)).size).toBe(series.length);
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

describe("a long series", () => {
  // The seed's 远峰开发板学习（续） header over 30 days: one series of 30 parts.
  const days = 30;
  const log = Array.from(
    { length: days },
    (_, i) => `20:${String(i).padStart(2, "0")} 2008-03-${String(i + 1).padStart(2, "0")}\n嵌入式，arm, s3c2410, 远峰开发板学习（续）, vivi\n1, 今天继续看vivi的代码，主要是启动部分和串口初始化。\n`,
  ).join("");
  let long: EntryPage[];
  let page: SeriesPage;

  beforeAll(() => {
    const built = assemblePages({ timeline: parseTimeline([{ file: "vivi.log", bytes: Buffer.from(log) }]), bodies: new Map(), options: resolveSiteOptions({}, "content") });
    long = built.entries;
    expect(built.series).toHaveLength(1);
    page = built.series[0]!;
  });

  const positions = (parts: readonly (SeriesPart | null)[]) => parts.map((part) => part?.position ?? null);

  it("shows each page the parts around its own, the first and the last, and a gap where parts are left out", () => {
    expect(page.parts).toHaveLength(days);
    expect(positions(long[15]!.series!.parts)).toEqual([1, null, 13, 14, 15, 16, 17, 18, 19, null, 30]);
    expect(positions(long[0]!.series!.parts)).toEqual([1, 2, 3, 4, null, 30]);
    expect(positions(long[days - 1]!.series!.parts)).toEqual([1, null, 27, 28, 29, 30]);
    expect(positions(long[4]!.series!.parts)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, null, 30]);
    for (const entry of long) {
      expect(entry.series).toMatchObject({ name: page.name, url: page.url, count: days });
      expect(entry.series!.parts.filter((part) => part?.id === entry.id)).toHaveLength(1);
      // The parts are the series page's own models, not copies.
      for (const part of entry.series!.parts) if (part) expect(page.parts).toContain(part);
    }
  });

  it("keeps what a page shows of it the same size however long the series grows", () => {
    const most = 2 * SERIES_AROUND + 1 + 2 + 2;
    for (const length of [SERIES_LISTED_WHOLE + 1, 100, 10_000]) {
      const parts = Array.from({ length }, (_, i) => i);
      for (const index of [0, 1, Math.floor(length / 2), length - 2, length - 1]) {
        const window = seriesWindow(parts, index);
        expect(window.length).toBeLessThanOrEqual(most);
        expect(window).toContain(index);
        expect(window[0]).toBe(0);
        expect(window.at(-1)).toBe(length - 1);
      }
    }
    expect(seriesWindow([1, 2, 3], 1)).toEqual([1, 2, 3]);
  });
});

describe("an entry's header", () => {
  const log = [
    ".LOG",
    "10:00 2013-05-01",
    "嵌入式, 待看***, research@suse.de, <TODO>read it</TODO>, ***",
    "text",
    "11:00 2013-05-01",
    "suse, xen, read remote relative code.",
    "text",
  ].join("\n");
  const built = assemblePages({ timeline: parseTimeline([{ file: "marks.log", bytes: Buffer.from(log) }]), bodies: new Map(), options: resolveSiteOptions({}, "content") });
  const [marked, dotted] = built.entries;

  it("shows every element as written, links only the tags, and the author's marks as flags", () => {
    expect(marked!.header).toEqual([
      { text: "嵌入式", url: "/tags/嵌入式/" },
      { text: "待看", url: "/tags/待看/", flag: "***" },
      { text: "research@suse.de", url: null },
      { text: "<TODO>read it</TODO>", url: null },
      { text: "", url: null, flag: "***" },
    ]);
  });

  it("links a tag written with a full stop at its end", () => {
    expect(dotted!.header.at(-1)).toEqual({ text: "read remote relative code.", url: "/tags/read-remote-relative-code/" });
  });
});
