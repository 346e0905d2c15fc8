// Merging files into one timeline: order, ids, URLs, references, backlinks, series, tags.
// The logs are small, written from real seed lines.

import { describe, expect, it } from "vitest";
import { warningKeys } from "./fixtures.ts";
import { parseTimeline } from "./index.ts";
import type { Timeline } from "./types.ts";

function logs(...files: [string, string][]): Timeline {
  return parseTimeline(files.map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })));
}

describe("timeline", () => {
  it("sorts by time across files, file order breaking ties", () => {
    const timeline = logs(
      ["b.log", ".LOG\n10:03 2012-11-05\narm, armv8, Cortex-A57\n\n14:32 2012-11-01\nGTD\n"],
      ["a.log", ".LOG\n10:03 2012-11-05\ncommunity, linaro, arm Server\n"],
    );
    expect(timeline.entries.map((entry) => `${entry.id} ${entry.file}:${entry.line}`)).toEqual([
      "2012-11-01T14:32 b.log:5",
      "2012-11-05T10:03 b.log:2",
      "2012-11-05T10:03-2 a.log:2",
    ]);
    expect(warningKeys(timeline.warnings)).toEqual(["out-of-order@5", "duplicate-stamp@2"]);
    expect(timeline.warnings[1]!.file).toBe("a.log");
  });

  it("makes ids and URLs from the minute, the ordinal and the title's slug", () => {
    const timeline = logs([
      "a.log",
      [
        ".LOG",
        "18:17 2012-11-07",
        "virsh attach-disk sles11_hvm_10 /dev/sdb1 sda",
        "18:17 2012-11-07",
        "community, linaro, arm Server",
        "8:02 2012-11-02",
        "1, 部署嵌入式开发环境",
        "9:00 2012-11-02",
        "",
      ].join("\n"),
    ]);
    expect(timeline.entries.map((entry) => [entry.id, entry.url])).toEqual([
      ["2012-11-02T08:02", "/2012/11/02/0802-部署嵌入式开发环境/"],
      ["2012-11-02T09:00", expect.stringMatching(/^\/2012\/11\/02\/0900(-[^/]+)?\/$/)],
      ["2012-11-07T18:17", "/2012/11/07/1817-virsh-attach-disk-sles11-hvm-10-dev-sdb1-sda/"],
      ["2012-11-07T18:17-2", "/2012/11/07/1817-2-arm-server/"],
    ]);
    expect([...timeline.byId.keys()]).toEqual(timeline.entries.map((entry) => entry.id));
  });

  it("uses /YYYY/MM/DD/HHMM/ when no words title the entry (its stamp does)", () => {
    const timeline = logs(["a.log", "9:00 2012-11-02\n--- ... ---\n9:00 2012-11-02\n!!!\n"]);
    expect(timeline.entries.map((entry) => entry.url)).toEqual(["/2012/11/02/0900/", "/2012/11/02/0900-2/"]);
  });

  it("resolves references to the first entry of a minute and its items, and records backlinks", () => {
    const timeline = logs(
      [
        "a.log",
        [
          ".LOG",
          "10:41 2012-10-30",
          "virtualization, libvirt, xenlight",
          "1, first",
          "2, second",
          "1), sub",
          "10:41 2012-10-30",
          "another entry in the same minute",
        ].join("\n"),
      ],
      [
        "b.log",
        [
          ".LOG",
          "14:32 2012-11-01",
          "GTD",
          '1, today, see"10:41 2012-10-30"2',
          '2, next, see"10:41 2012-10-30"2-1)',
          '3, older, see"10:41 2012-10-30"7',
          '4, missing, see"11:31 2012-10-29"',
        ].join("\n"),
      ],
    );
    const gtd = timeline.byId.get("2012-11-01T14:32")!;
    expect(gtd.references.map(({ target, item, resolved }) => ({ target, item, resolved }))).toEqual([
      { target: "2012-10-30T10:41", item: "2", resolved: "2012-10-30T10:41" },
      { target: "2012-10-30T10:41", item: "2-1", resolved: "2012-10-30T10:41" },
      { target: "2012-10-30T10:41", item: "7", resolved: "2012-10-30T10:41" },
      { target: "2012-10-29T11:31", item: null, resolved: null },
    ]);
    expect(timeline.backlinks.get("2012-10-30T10:41")).toEqual([
      { from: "2012-11-01T14:32", fromItem: "1", item: "2", line: 4 },
      { from: "2012-11-01T14:32", fromItem: "2", item: "2-1", line: 5 },
      { from: "2012-11-01T14:32", fromItem: "3", item: "7", line: 6 },
    ]);
    expect(timeline.warnings.map((w) => `${w.file}:${w.line} ${w.code}`)).toEqual([
      "a.log:7 duplicate-stamp",
      "b.log:6 unresolved-ref",
      "b.log:7 unresolved-ref",
    ]);
    expect(timeline.warnings[1]!.message).toBe("entry 2012-10-30T10:41 has no item 7; linking to the entry");
  });

  it("orders a series by part number, and an unnumbered series by time", () => {
    const timeline = logs([
      "a.log",
      [
        "11:17 2012-11-05",
        "virtualization, libvirt, xenlight, add libxl api, cont2, domainBlockStats",
        "16:38 2012-11-06",
        "virtualization, libvirt, xenlight, add libxl api, cont1, domainInterfaceStats",
        "9:00 2007-08-03",
        "嵌入式，arm, s3c2410, 远峰开发板学习（续）, vivi",
        "9:00 2007-08-04",
        "嵌入式，arm, s3c2410, 远峰开发板学习（续）, 串口",
      ].join("\n"),
    ]);
    expect([...timeline.series.entries()]).toEqual([
      ["远峰开发板学习", { name: "远峰开发板学习", parts: ["2007-08-03T09:00", "2007-08-04T09:00"] }],
      ["add libxl api", { name: "add libxl api", parts: ["2012-11-06T16:38", "2012-11-05T11:17"] }],
    ]);
  });

  it("folds tags by case and spacing and shows the most frequent spelling", () => {
    const timeline = logs([
      "a.log",
      [
        "10:16 2012-11-05",
        "community, linaro, arm Server",
        "10:17 2012-11-05",
        "community, ARM  server, note",
        "10:18 2012-11-05",
        "community, ARM server, note",
        "10:19 2012-11-05",
        "community, ARM server, note",
      ].join("\n"),
    ]);
    const tag = timeline.tags.get("arm server")!;
    expect(tag).toEqual({
      key: "arm server",
      name: "ARM server",
      slug: "arm-server",
      entries: ["2012-11-05T10:16", "2012-11-05T10:17", "2012-11-05T10:18", "2012-11-05T10:19"],
    });
    expect(timeline.tags.get("community")!.entries).toHaveLength(4);
  });

  it("gives colliding tag slugs a number and warns", () => {
    const timeline = logs([
      "a.log",
      ["13:01 2012-11-07", "virtualization, libvirt, 1.0.0 release; localization", "13:02 2012-11-07", "virtualization, 1-0-0 release, note"].join("\n"),
    ]);
    expect(timeline.tags.get("1.0.0 release")!.slug).toBe("1-0-0-release");
    expect(timeline.tags.get("1-0-0 release")!.slug).toBe("1-0-0-release-2");
    expect(warningKeys(timeline.warnings)).toEqual(["tag-slug-collision@4"]);
  });
});
