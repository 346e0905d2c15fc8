import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTimeline, tagKey, type Timeline } from "../../log/index.ts";
import { defaultOptions } from "../options.ts";
import { publishTimeline, redactOptions } from "./index.ts";
import type { ExclusionOptions } from "./exclusion.ts";

const SEED = "content/000_76b23a5250f26162.txt";
const seedBytes = readFileSync(new URL(`../../../${SEED}`, import.meta.url));

function seed(): Timeline {
  return parseTimeline([{ file: SEED, bytes: seedBytes }]);
}

function options(exclude: Partial<ExclusionOptions["exclude"]>, include: ExclusionOptions["include"] = null): ExclusionOptions {
  return { exclude: { ...defaultOptions.exclude, ...exclude }, include };
}

/** Everything the site could read from a timeline, warnings aside (they go to the console). */
function visible(timeline: Timeline): string {
  const { warnings: _warnings, ...rest } = timeline;
  return JSON.stringify(rest, (_key, value: unknown) => (value instanceof Map ? [...value] : value));
}

describe("excluding by tag (the seed, without plans and company matters)", () => {
  const full = seed();
  const { timeline, report } = publishTimeline(full, options({ tags: ["gtd", "Company"] }));
  const hidden = full.entries.filter((e) => e.tags.some((t) => ["gtd", "company"].includes(tagKey(t))));

  it("drops exactly the entries carrying the tags, in any case", () => {
    expect(hidden.map((e) => e.id)).toEqual([
      "2012-11-01T14:32",
      "2012-11-02T08:02",
      "2012-11-02T17:43",
      "2012-11-05T10:37",
      "2012-11-06T16:16",
      "2012-11-07T12:52",
    ]);
    expect(timeline.entries.map((e) => e.id)).toEqual(full.entries.filter((e) => !hidden.includes(e)).map((e) => e.id));
    expect([...timeline.byId.keys()]).toEqual(timeline.entries.map((e) => e.id));
    expect(report).toEqual({ excluded: 6, redacted: 0, unmatched: [] });
  });

  it("leaves no tag, count or backlink behind", () => {
    expect(timeline.tags.has("gtd")).toBe(false);
    expect(timeline.tags.has("company")).toBe(false);
    expect(timeline.tags.get("meeting")).toBeUndefined(); // only the company meeting had it
    expect(timeline.tags.get("virtualization")!.entries).toEqual(
      full.tags.get("virtualization")!.entries.filter((id) => id !== "2012-11-02T08:02"),
    );
    // 16:52 2012-11-06 was pointed at by two plans only; 10:03 and 10:16 by one.
    expect(full.backlinks.get("2012-11-06T16:52")!.map((b) => b.from)).toEqual(["2012-11-06T16:16", "2012-11-07T12:52"]);
    expect(timeline.backlinks.has("2012-11-06T16:52")).toBe(false);
    expect(timeline.backlinks.has("2012-11-05T10:03")).toBe(false);
    for (const links of timeline.backlinks.values()) for (const link of links) expect(timeline.byId.has(link.from)).toBe(true);
  });

  it("keeps none of their text anywhere the site could look", () => {
    const text = visible(timeline);
    // 8:02 2012-11-02 (company) and 16:16 2012-11-06 (a plan) in their own words
    for (const secret of ["regular meeting: US / China Virtualization Sync", "BoYang", "Jiaju talk to me, about my performance"]) {
      expect(visible(full)).toContain(JSON.stringify(secret).slice(1, -1));
      expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
    }
    // The file's text is the preamble and the public entries, in file order.
    expect(timeline.files[0]!.text).toBe(".LOG\n" + timeline.entries.map((e) => e.raw).join(""));
  });

  it("keeps a blog request of an excluded plan for the blog, with only public material", () => {
    const { privateBlogRequests } = publishTimeline(full, options({ tags: ["GTD"] }));
    expect(privateBlogRequests).toEqual([
      {
        id: "2012-11-05T10:37#1-1",
        title: "armv8 and arm server",
        sources: [timeline.byId.get("2012-11-05T10:03"), timeline.byId.get("2012-11-05T10:16")],
        file: SEED,
        line: 81,
      },
    ]);
  });
});

describe("excluding one entry by id", () => {
  const full = seed();

  it.each(["2012-11-06T16:52", "16:52 2012-11-06"])("%s: references to it become plain text", (name) => {
    const { timeline, report } = publishTimeline(full, options({ entries: [name] }));
    expect(report.excluded).toBe(1);
    expect(timeline.byId.has("2012-11-06T16:52")).toBe(false);
    // 16:16 2012-11-06 item 1-2 and 12:52 2012-11-07 item 3-1 point at it.
    const pointing = ["2012-11-06T16:16", "2012-11-07T12:52"].flatMap((id) =>
      timeline.byId.get(id)!.references.filter((r) => r.target === "2012-11-06T16:52"),
    );
    expect(pointing.map((r) => [r.line, r.resolved, r.excluded])).toEqual([
      [151, null, true],
      [192, null, true],
    ]);
    // Their other references still resolve; an unresolved one is not marked excluded.
    const plan = timeline.byId.get("2012-11-07T12:52")!;
    expect(plan.references.map((r) => [r.target, r.resolved, r.excluded ?? false])).toEqual([
      ["2012-11-07T15:16", "2012-11-07T15:16", false],
      ["2012-10-30T10:41", null, false],
      ["2012-11-06T16:52", null, true],
    ]);
    expect(timeline.backlinks.has("2012-11-06T16:52")).toBe(false);
    // `libxl` was its tag alone; `xen` it shared with 8:02 2012-11-02.
    expect(timeline.tags.has("libxl")).toBe(false);
    expect(timeline.tags.get("xen")!.entries).toEqual(["2012-11-02T08:02"]);
    expect(visible(timeline)).not.toContain("libxl__domain_suspend");
    // The full timeline is not changed.
    expect(full.byId.get("2012-11-07T12:52")!.references[2]!.resolved).toBe("2012-11-06T16:52");
  });

  it("excludes the whole entry when an item is named, and reports names that match nothing", () => {
    const { timeline, report, warnings } = publishTimeline(
      full,
      options({ entries: ["2012-11-07T14:59#2", "2012-11-06T16:17", "yesterday", "2012-11-07T18:17-2"] }),
    );
    expect(timeline.byId.has("2012-11-07T14:59")).toBe(false);
    expect(report.excluded).toBe(1);
    expect(report.unmatched).toEqual(["2012-11-06T16:17", "yesterday", "2012-11-07T18:17-2"]);
    expect(warnings.map((w) => [w.code, w.file, w.line])).toEqual(
      report.unmatched.map(() => ["unmatched-exclude", "exclude.entries", 0]),
    );
    expect(warnings[1]!.message).toContain('"yesterday"');
  });

  it("drops a series part and keeps the series while a part is left", () => {
    const { timeline } = publishTimeline(full, options({ entries: ["2012-11-05T11:17"] }));
    expect(full.series.get("add libxl api")!.parts).toEqual(["2012-11-01T16:38", "2012-11-05T11:17"]);
    expect(timeline.series.get("add libxl api")!.parts).toEqual(["2012-11-01T16:38"]);
    const both = publishTimeline(full, options({ entries: ["2012-11-05T11:17", "16:38 2012-11-01"] })).timeline;
    expect(both.series.size).toBe(0);
  });
});

describe("allow-list mode", () => {
  it("publishes only entries with an included tag, and exclusions still win", () => {
    const full = seed();
    const { timeline, report, privateBlogRequests } = publishTimeline(
      full,
      options({ entries: ["14:07 2012-11-07"] }, { tags: ["ARM", "linaro"] }),
    );
    expect(timeline.entries.map((e) => e.id)).toEqual(["2012-11-05T10:03", "2012-11-05T10:16"]);
    expect(report.excluded).toBe(full.entries.length - 2);
    expect([...timeline.tags.values()].every((tag) => tag.entries.length > 0)).toBe(true);
    expect(privateBlogRequests.map((r) => [r.id, r.sources.map((s) => s.id)])).toEqual([
      ["2012-11-05T10:37#1-1", ["2012-11-05T10:03", "2012-11-05T10:16"]],
    ]);
  });

  it("gives a request whose material is all excluded no sources", () => {
    const { privateBlogRequests } = publishTimeline(seed(), options({}, { tags: ["rpcbind"] }));
    expect(privateBlogRequests).toHaveLength(1);
    expect(privateBlogRequests[0]!.sources).toEqual([]);
  });
});

describe("the private tag", () => {
  const log = [".LOG", "9:00 2012-11-08", "Private, salary", "1, canary-private-1", "", "9:30 2012-11-08", "company, plan", "1, x", ""].join("\r\n");
  const full = parseTimeline([{ file: "p.log", bytes: new TextEncoder().encode(log) }]);

  it("is excluded by default and even when the author's own list leaves it out", () => {
    expect(full.entries.map((e) => e.tags)).toEqual([["Private", "salary"], ["company", "plan"]]);
    expect(publishTimeline(full, options({})).timeline.entries.map((e) => e.id)).toEqual(["2012-11-08T09:30"]);
    const own = publishTimeline(full, options({ tags: ["company"] })).timeline;
    expect(own.entries).toEqual([]);
    expect(own.files[0]!.text).toBe("");
  });
});

describe("a private element the header rule does not read as a tag", () => {
  // A sentence split at its commas, a line of more code than tags, a line of code: no header,
  // or no tag `private`; the author wrote it, and the entry stays home all the same.
  const log = [
    ".LOG",
    "9:00 2012-11-08", "I met Jim about the salary today, private", "text", "",
    "9:10 2012-11-08", "----", "private, a=b, x->y", "text", "",
    "9:20 2012-11-08", "(9:25 2012-11-08)", "Private***", "text", "",
    "9:30 2012-11-08", "company, plan, the salary is not private", "1, x", "",
  ].join("\r\n");
  const full = parseTimeline([{ file: "p.log", bytes: new TextEncoder().encode(log) }]);

  it("still keeps the entry home", () => {
    expect(full.entries.slice(0, 2).map((e) => [e.header, e.tags])).toEqual([[null, []], [null, []]]);
    expect(publishTimeline(full, options({})).timeline.entries.map((e) => e.id)).toEqual(["2012-11-08T09:30"]);
  });
});

describe("text before a file's first entry", () => {
  const inputs = [
    { file: "notes.txt", text: "My log, started 2012.\nzqxnotes\n" }, // no entry at all
    { file: "home.log", text: "zqxhome preamble\n9:00 2012-11-08\nprivate, x\n1, y\n" }, // every entry private
    { file: "mixed.log", text: "zqxmixed preamble\n9:00 2012-11-09\nprivate, x\n\n9:30 2012-11-09\narm, notes\n" },
  ];
  const full = parseTimeline(inputs.map(({ file, text }) => ({ file, bytes: new TextEncoder().encode(text) })));
  const preambles = (timeline: Timeline) => timeline.files.map((f) => [f.file, f.preamble]);

  it("is published with a file that publishes something, or has no entries to keep home", () => {
    expect(preambles(publishTimeline(full, options({})).timeline)).toEqual([
      ["notes.txt", "My log, started 2012.\nzqxnotes\n"],
      ["home.log", ""],
      ["mixed.log", "zqxmixed preamble\n"],
    ]);
  });

  it("is never published in allow-list mode", () => {
    const { timeline } = publishTimeline(full, options({}, { tags: ["arm"] }));
    expect(timeline.entries.map((e) => e.id)).toEqual(["2012-11-09T09:30"]);
    expect(preambles(timeline)).toEqual([
      ["notes.txt", ""],
      ["home.log", ""],
      ["mixed.log", ""],
    ]);
    expect(timeline.files.map((f) => f.text).join("")).toBe("9:30 2012-11-09\narm, notes\n");
  });
});

describe("the report's redaction count", () => {
  it("sums what the log layer masked in every file, excluded entries included", () => {
    const redact = redactOptions({ ...defaultOptions, redact: ["ipv4"], redactNames: ["Jim", "Jiaju"] });
    expect(redact).toEqual({ rules: ["ipv4"], names: ["Jim", "Jiaju"], mask: "█████" });
    const full = parseTimeline([{ file: SEED, bytes: seedBytes }], { redact: redact! });
    const text = new TextDecoder().decode(seedBytes);
    const written = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
    const expected = written(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g) + written(/\b(?:jim|jiaju)\b/gi);
    expect(expected).toBeGreaterThan(5);
    const { report } = publishTimeline(full, options({ tags: ["GTD"] }));
    expect(report.redacted).toBe(expected);
    expect(full.files[0]!.text).not.toMatch(/\bJim\b|147\.2\.207\.77/);
  });

  it("asks the log layer for nothing when nothing is to be masked", () => {
    expect(redactOptions(defaultOptions)).toBeUndefined();
  });
});

describe("excluding by a tag the redaction masked", () => {
  it("still excludes it, since tags are read from the masked text", () => {
    const log = [".LOG", "9:00 2012-11-08", "Jim, salary review", "1, x", "", "9:30 2012-11-08", "xen, notes", "1, y", ""].join("\n");
    const privacy = { ...defaultOptions, redactNames: ["jim"], exclude: { tags: ["JIM"], entries: [] } };
    const full = parseTimeline([{ file: "p.log", bytes: new TextEncoder().encode(log) }], { redact: redactOptions(privacy)! });
    expect(full.entries[0]!.tags).toEqual(["█████", "salary review"]);
    expect(publishTimeline(full, privacy).timeline.entries.map((e) => e.id)).toEqual(["2012-11-08T09:30"]);
    // Without the redaction settings the masked tag matches nothing: the site passes them all.
    expect(publishTimeline(full, { exclude: privacy.exclude, include: null }).timeline.entries).toHaveLength(2);
  });
});

describe("naming an entry in another date format", () => {
  const log = [".LOG", "9:00 04/03/2013", "a, first", "", "9:00 03/04/2013", "b, second", "", "9:00 25/12/2013", "c, third", ""].join("\n");
  const full = parseTimeline([{ file: "dmy.log", bytes: new TextEncoder().encode(log) }]);

  it("keeps home both entries an ambiguous day/month could mean, and one when the date settles it", () => {
    expect(full.entries.map((e) => e.id)).toEqual(["2013-03-04T09:00", "2013-04-03T09:00", "2013-12-25T09:00"]);
    expect(publishTimeline(full, options({ entries: ["9:00 04/03/2013"] })).timeline.entries.map((e) => e.id)).toEqual([
      "2013-12-25T09:00",
    ]);
    expect(publishTimeline(full, options({ entries: ["9:00 25/12/2013"] })).timeline.entries).toHaveLength(2);
  });
});

describe("naming a minute that holds two entries", () => {
  const log = [".LOG", "18:17 2012-11-07", "a, first", "", "18:17 2012-11-07", "b, second", ""].join("\n");
  const full = parseTimeline([{ file: "dup.log", bytes: new TextEncoder().encode(log) }]);

  it("by id excludes that entry; by the log's stamp, both", () => {
    expect(full.entries.map((e) => e.id)).toEqual(["2012-11-07T18:17", "2012-11-07T18:17-2"]);
    const byId = (name: string) => publishTimeline(full, options({ entries: [name] })).timeline.entries.map((e) => e.id);
    expect(byId("2012-11-07T18:17")).toEqual(["2012-11-07T18:17-2"]);
    expect(byId("2012-11-07T18:17-2")).toEqual(["2012-11-07T18:17"]);
    expect(byId("18:17 2012-11-07")).toEqual([]);
  });
});
