import { describe, expect, it } from "vitest";
import type { LogWarning } from "../log/types.ts";
import { createProgress, formatReport, formatWarnings, LISTED_PER_CODE, type BuildSummary } from "./report.ts";

const file = "content/000_76b23a5250f26162.txt";

function summary(warnings: LogWarning[] = []): BuildSummary {
  return {
    contentDir: "content",
    outDir: "site",
    filesFound: 3,
    filesRead: 2,
    entries: 11282,
    published: 11000,
    tags: 1234,
    publishedTags: 1200,
    posts: 7,
    pages: 14567,
    searchRecords: 11000,
    redactions: 5,
    warnings,
    failures: [],
    ms: 12345,
  };
}

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 80, write: (text: string) => writes.push(text) } };
}

describe("formatReport", () => {
  it("shows each count once, grouped in thousands, with excluded entries and unread files", () => {
    const text = formatReport(summary());
    expect(text).toContain("  files read    2 of 3\n");
    expect(text).toContain("  entries       11,282 (11,000 published, 282 excluded)\n");
    expect(text).toContain("  tags          1,234 (1,200 published)\n");
    expect(text).toContain("  blog posts    7\n");
    expect(text).toContain("  pages         14,567\n");
    expect(text).toContain("  search index  11,000 records\n");
    expect(text).toContain("  redacted      5 matches\n");
    expect(text).toContain("  time          12.3 s\n");
  });

  it("says how many pages an incremental build kept from the last one", () => {
    expect(formatReport({ ...summary(), pagesKept: 14_000 })).toContain("  pages         14,567 (14,000 unchanged since the last build)\n");
  });

  it("says how many pages a build into a new folder copied from the cache", () => {
    expect(formatReport({ ...summary(), pagesCopied: 14_000 })).toContain("  pages         14,567 (14,000 copied from the cache)\n");
  });
});

describe("formatWarnings", () => {
  it("groups by code, most frequent first, each warning as file:line with its message on one line", () => {
    const warnings: LogWarning[] = [
      { file, line: 7, code: "unresolved-ref", message: "no entry at 2012-10-29T11:31" },
      { file, line: 3, code: "out-of-order", message: "earlier than\nthe entry before" },
      { file, line: 189, code: "unresolved-ref", message: "no entry at 2012-10-30T10:41" },
    ];
    expect(formatWarnings(warnings)).toEqual([
      "unresolved-ref (2)",
      `  ${file}:7  no entry at 2012-10-29T11:31`,
      `  ${file}:189  no entry at 2012-10-30T10:41`,
      "out-of-order (1)",
      `  ${file}:3  earlier than the entry before`,
    ]);
  });

  it(`lists ${LISTED_PER_CODE} warnings of a code and counts the rest`, () => {
    const many = Array.from({ length: 1234 }, (_, i): LogWarning => ({ file, line: i + 1, code: "decode", message: "bad bytes" }));
    const lines = formatWarnings(many);
    expect(lines[0]).toBe("decode (1,234)");
    expect(lines).toHaveLength(1 + LISTED_PER_CODE + 1);
    expect(lines.at(-1)).toBe("  … and 1,224 more (dotlog check lists them all)");
  });
});

describe("createProgress", () => {
  it("rewrites one terminal line with phase and count, then clears it", () => {
    const { writes, stream } = recorder(true);
    const { progress, end } = createProgress(stream, 0);
    progress("rendering", 4210, 11282);
    progress("rendering", 11282, 11282);
    end();
    expect(writes).toEqual(["\r\x1b[Krendering 4,210/11,282", "\r\x1b[Krendering 11,282/11,282", "\r\x1b[K"]);
  });

  it("updates a terminal at most once an interval, but always shows a phase's end", () => {
    const { writes, stream } = recorder(true);
    const { progress } = createProgress(stream, 60_000);
    for (let done = 1; done <= 500; done++) progress("writing pages", done, 500);
    expect(writes).toEqual(["\r\x1b[Kwriting pages 1/500", "\r\x1b[Kwriting pages 500/500"]);
  });

  it("cuts the line to the terminal's width, and keeps it whole when the width is unknown", () => {
    for (const [columns, shown] of [[16, "rendering 4,210"], [0, "rendering 4,210/11,282"]] as const) {
      const writes: string[] = [];
      const { progress } = createProgress({ isTTY: true, columns, write: (text: string) => writes.push(text) }, 0);
      progress("rendering", 4210, 11282);
      expect(writes).toEqual([`\r\x1b[K${shown}`]);
    }
  });

  it("prints one plain line a phase when the output is not a terminal", () => {
    const { writes, stream } = recorder(false);
    const { progress, end } = createProgress(stream, 0);
    progress("reading", 0, 1);
    progress("reading", 1, 1);
    for (let done = 1; done <= 3; done++) progress("rendering", done, 11282);
    end();
    expect(writes).toEqual(["reading\n", "rendering (11,282)\n"]);
  });
});
