import { describe, expect, it } from "vitest";
import { parseTimeline } from "../../log/index.ts";
import { defaultOptions } from "../options.ts";
import { buildFeeds, xmlText } from "./feeds.ts";

describe("xmlText", () => {
  it("replaces what XML 1.0 cannot hold, visibly, and keeps the rest", () => {
    expect(xmlText("a\u0001b\u0000c")).toBe("a\uFFFDb\uFFFDc");
    expect(xmlText("lone \uD800 surrogate")).toBe("lone \uFFFD surrogate");
    const kept = "tab\there, newline\n, 中文, 😀, <tag> & \"quotes\"";
    expect(xmlText(kept)).toBe(kept);
  });
});

describe("buildFeeds", () => {
  it("keeps feeds readable when a log's header holds control characters", () => {
    const log = ".LOG\n10:00 2012-11-05\nxen, bad\u0007bell\n1, text with \u0001 inside\n";
    const timeline = parseTimeline([{ file: "t.log", bytes: new TextEncoder().encode(log) }]);
    const entry = timeline.entries[0]!;
    const bodies = new Map([[entry.id, "<p>text with \u0001 inside</p>"]]);
    const feeds = buildFeeds({ posts: [], timeline, bodies, options: { ...defaultOptions, timeZone: "UTC" } });
    const items = feeds.flatMap((feed) => feed.items);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(`${item.title}${item.html}${item.summary}${item.categories.join("")}`).not.toMatch(/[\u0000-\u0008]/);
      expect(item.html ?? item.summary).toContain("text with \uFFFD inside");
    }
  });
});
