import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTimeline } from "../../log/index.ts";
import { resolveSiteOptions } from "../config/index.ts";
import { assemblePages } from "../pages/assemble.ts";
import { outputFile } from "../pages/page-sets.ts";
import type { EntryPage, SitePages } from "../pages/types.ts";
import { planPages } from "./plan-pages.ts";

const SEED = path.resolve("content/000_76b23a5250f26162.txt");
const CORPUS = path.resolve("test/fixtures/corpus");

let pages: SitePages;
let hashes: Record<string, string>;

beforeAll(async () => {
  const files = [SEED, ...(await readdir(CORPUS)).filter((file) => file.endsWith(".txt")).map((file) => path.join(CORPUS, file))];
  const timeline = await loadTimeline(files);
  const bodies = new Map(timeline.entries.map((entry) => [entry.id, `<p>${entry.title} “${entry.id}”</p>`]));
  pages = assemblePages({ timeline, bodies, options: resolveSiteOptions({}, "content") });
  hashes = plan(pages).hashes;
});

const plan = (of: SitePages) => planPages(of, "identity", null, () => true);

/** The output files whose hash differs from the unchanged pages'. */
function changed(edit: (copy: SitePages) => void): string[] {
  const copy = structuredClone(pages);
  edit(copy);
  const after = plan(copy).hashes;
  return Object.keys(after).filter((file) => after[file] !== hashes[file]);
}

/** An entry page in the middle of a series of at least three parts. */
function inSeries(of: SitePages): EntryPage & { series: NonNullable<EntryPage["series"]> } {
  const page = of.entries.find((entry) => entry.series !== null && entry.series.parts.length >= 3 && entry.series.parts[1]!.id === entry.id);
  if (!page?.series) throw new Error("no series of three parts in the seed and corpus");
  return page as EntryPage & { series: NonNullable<EntryPage["series"]> };
}

describe("planPages", () => {
  it("keeps every page when nothing changed, whatever objects hold the same content", () => {
    const copy = structuredClone(pages);
    const again = planPages(copy, "identity", hashes, () => true);
    expect(again.hashes).toEqual(hashes);
    expect(Object.values(again.write).flat()).toEqual([]);
    expect(again.keep).toHaveLength(Object.keys(hashes).length);
  });

  it("writes every page again when the identity changes, and a page whose file is gone", () => {
    expect(Object.values(planPages(pages, "other", hashes, () => true).write).flat()).toHaveLength(Object.keys(hashes).length);
    const gone = outputFile(pages.entries[0]!.url);
    const plan = planPages(pages, "identity", hashes, (file) => file !== gone);
    expect(plan.write["entries"]).toEqual([pages.entries[0]]);
  });

  it("writes the entry and day page of an entry whose body changed", () => {
    const entry = pages.entries[5]!;
    const day = pages.days.find((d) => d.entries.some((e) => e.id === entry.id))!;
    expect(changed((copy) => (copy.entries[5]!.html += " "))).toEqual([outputFile(entry.url), outputFile(day.url)].sort((a, b) => order(a) - order(b)));
  });

  it("writes the pages of a series when a part they show changed, with the series' own page, and a page whose own part number changed", () => {
    const page = inSeries(pages);
    const file = outputFile(page.url);
    const seriesPage = outputFile(page.series.url);
    // A short series' parts are one list shared by its pages and its series page, as assemblePages makes it.
    const all = [...page.series.parts.map((part) => outputFile(part!.url)), seriesPage];
    expect(changed((copy) => (inSeries(copy).series.parts[0]!.title += "!"))).toEqual(expect.arrayContaining(all));
    expect(changed((copy) => (inSeries(copy).series.parts[2]!.part += 10))).toEqual(expect.arrayContaining(all));
    expect(changed((copy) => (inSeries(copy).series.name += "!"))).toEqual(expect.arrayContaining(all.slice(0, -1)));
    expect(changed((copy) => inSeries(copy).series.parts.pop())).toContain(file);
    // A list of the same parts that is a copy (not the series' own object) is the same list.
    expect(changed((copy) => (inSeries(copy).series = structuredClone(inSeries(copy).series)))).toEqual([]);
    expect(changed((copy) => (inSeries(copy).seriesPart! += 1))).toContain(file);
  });

  it("writes every archive and tag page that lists an entry whose summary changed", () => {
    const month = pages.months.find((m) => m.days.some((d) => d.entries.some((e) => e.tags.length > 0)))!;
    const summary = month.days.flatMap((d) => d.entries).find((e) => e.tags.length > 0)!;
    const year = pages.years.find((y) => y.months.some((m) => m.url === month.url))!;
    const tagPages = pages.tagChunks.filter((chunk) => chunk.items.some((item) => item.id === summary.id)).map((chunk) => outputFile(chunk.url));
    expect(tagPages.length).toBeGreaterThan(0);
    const files = changed((copy) => {
      // The summary is one object shared by its month, year and tag pages, as assemblePages makes it.
      const shared = copy.months.find((m) => m.url === month.url)!.days.flatMap((d) => d.entries).find((e) => e.id === summary.id)!;
      shared.summary += " changed";
    });
    expect(files).toEqual(expect.arrayContaining([outputFile(month.url), outputFile(year.url), ...tagPages]));
  });
});

/** Sets are planned in order: entry pages before day pages. */
function order(file: string): number {
  return pages.entries.some((entry) => outputFile(entry.url) === file) ? 0 : 1;
}
