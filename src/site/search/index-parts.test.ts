// The parts of the search index, cut from the seed's and the corpus's real entries (2007 to
// 2013, 388 entries) with small sizes so that they make several parts.

import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTimeline } from "../../log/index.ts";
import { entryDocuments, type SearchDocument } from "./documents.ts";
import { byDate, partitionRecords, type PartSizes } from "./index-parts.ts";

const SIZES: PartSizes = { sealed: 120, recent: 30 };
const CORPUS = path.resolve("test/fixtures/corpus");
const SEED = path.resolve("content/000_76b23a5250f26162.txt");

/** A part's identity as a cache sees it: its records. */
const identity = (part: readonly SearchDocument[]): string => JSON.stringify(part);

describe("partitionRecords", () => {
  let documents: SearchDocument[];

  beforeAll(async () => {
    const files = (await readdir(CORPUS)).filter((file) => file.endsWith(".txt")).map((file) => path.join(CORPUS, file));
    const timeline = await loadTimeline([SEED, ...files]);
    documents = entryDocuments(timeline.entries, timeline.tags);
  });

  it("keeps every record once, in date order, in parts that never share a date", () => {
    const parts = partitionRecords(documents, SIZES);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.flat()).toEqual([...documents].sort(byDate));
    for (const [a, b] of parts.slice(0, -1).map((part, i) => [part, parts[i + 1]!] as const)) {
      expect(a.at(-1)!.date < b[0]!.date).toBe(true);
    }
  });

  it("cuts only where the month changes, with sealed parts of at least `sealed` records but the newest", () => {
    const parts = partitionRecords(documents, SIZES);
    for (const [i, part] of parts.slice(0, -1).entries()) {
      expect(part.at(-1)!.date.slice(0, 7)).not.toBe(parts[i + 1]![0]!.date.slice(0, 7));
      if (i < parts.length - 2) expect(part.length).toBeGreaterThanOrEqual(SIZES.sealed);
    }
    expect(parts.at(-1)!.length).toBeLessThan(SIZES.sealed);
  });

  it("closes a sealed part soon after it reaches `sealed` records: its size bounds Pagefind's memory", () => {
    const parts = partitionRecords(documents, SIZES);
    const months = new Map<string, number>();
    for (const document of documents) months.set(document.date.slice(0, 7), (months.get(document.date.slice(0, 7)) ?? 0) + 1);
    const largestMonth = Math.max(...months.values());
    // At most: one record short of `sealed`, then a run of one record short of `recent` and the month it ends in.
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(SIZES.sealed - 1 + SIZES.recent - 1 + largestMonth);
    expect(Math.max(...parts.map((part) => part.length))).toBeGreaterThan(SIZES.sealed);
  });

  it("does not depend on the order the records come in", () => {
    const reversed = [...documents].reverse();
    expect(partitionRecords(reversed, SIZES).map(identity)).toEqual(partitionRecords(documents, SIZES).map(identity));
  });

  it("changes only the newest part when a record is appended", () => {
    const before = partitionRecords(documents, SIZES).map(identity);
    const newest = [...documents].sort(byDate).at(-1)!;
    const appended: SearchDocument = { ...newest, url: `${newest.url}appended/`, date: `${newest.date.slice(0, 14)}59`, text: "rcrpcbind restart" };
    const after = partitionRecords([...documents, appended], SIZES).map(identity);
    expect(after).toHaveLength(before.length);
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)).not.toEqual(before.at(-1));
  });

  it("changes only the recent part, or folds it into the newest sealed one, over a month of daily appends", () => {
    const sorted = [...documents].sort(byDate);
    let previous = partitionRecords(sorted, SIZES).map(identity);
    const newest = sorted.at(-1)!;
    const added: SearchDocument[] = [];
    let folds = 0;
    for (let day = 1; day <= 30; day++) {
      const date = new Date(Date.parse(`${newest.date}Z`) + day * 86_400_000).toISOString().slice(0, 16);
      added.push({ ...newest, url: `/appended/${day}/`, date, text: `day ${day}` });
      const next = partitionRecords([...sorted, ...added], SIZES).map(identity);
      if (next.length === previous.length && next.at(-2) === previous.at(-2)) {
        expect(next.slice(0, -1)).toEqual(previous.slice(0, -1));
      } else {
        // A fold: the sealed parts before the newest one stay as they were.
        folds++;
        const kept = Math.min(next.length, previous.length) - 2;
        expect(next.slice(0, kept)).toEqual(previous.slice(0, kept));
      }
      expect(next.at(-1)).not.toEqual(previous.at(-1));
      previous = next;
    }
    expect(folds).toBeLessThanOrEqual(1);
  });

  it("changes one part when an entry in the middle is edited", () => {
    const before = partitionRecords(documents, SIZES).map(identity);
    const sorted = [...documents].sort(byDate);
    const middle = Math.floor(sorted.length / 2);
    const edited = sorted.map((document, i) => (i === middle ? { ...document, text: `${document.text}\nedited` } : document));
    const after = partitionRecords(edited, SIZES).map(identity);
    expect(after).toHaveLength(before.length);
    expect(after.filter((part, i) => part !== before[i])).toHaveLength(1);
  });

  it("folds the recent part into the newest sealed one when a new month starts after enough records", () => {
    // Every month a run of its own: the newest month is the recent part.
    const sizes: PartSizes = { sealed: 120, recent: 1 };
    const sorted = [...documents].sort(byDate);
    const newest = sorted.at(-1)!;
    const before = partitionRecords(sorted, sizes);
    const recent = before.at(-1)!;
    expect(recent.length).toBeGreaterThanOrEqual(sizes.recent);
    const nextMonth = new Date(Date.parse(`${newest.date.slice(0, 7)}-01T09:00Z`) + 40 * 86_400_000).toISOString().slice(0, 7);
    const after = partitionRecords([...sorted, { ...newest, url: "/next-month/", date: `${nextMonth}-01T09:00` }], sizes);
    const sealedBefore = before.slice(0, -1);
    const unchanged = sealedBefore.at(-1)!.length >= sizes.sealed ? sealedBefore : sealedBefore.slice(0, -1);
    expect(after.slice(0, unchanged.length).map(identity)).toEqual(unchanged.map(identity));
    expect(after.at(-2)!.slice(-recent.length)).toEqual(recent);
    expect(after.at(-1)!.map((record) => record.url)).toEqual(["/next-month/"]);
  });

  it("makes one part of a small log", () => {
    const seedOnly = documents.filter((document) => document.date.startsWith("2012-11"));
    expect(partitionRecords(seedOnly)).toHaveLength(1);
    expect(partitionRecords([])).toEqual([]);
  });
});
