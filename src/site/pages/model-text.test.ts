import { describe, expect, it } from "vitest";
import { loadTimeline } from "../../log/index.ts";
import { seedLog } from "../../../test/blog/seed-blog.ts";
import { modelText, ownText, ownTitlesAndTags } from "./model-text.ts";

describe("model text", () => {
  it("is the same text, code unit for code unit, lone surrogates and controls included", () => {
    const odd = "a title \uD800 with a lone surrogate, a NUL \u0000 and 中文 ✓";
    expect(ownText(odd)).toBe(odd);
    expect(ownText("short")).toBe("short");
  });

  it("shows what a page cannot, as visibleControls does", () => {
    expect(modelText("bell \u0007 and esc \u001b in a header")).toBe("bell \u2407 and esc \u241b in a header");
  });

  it("leaves every title and tag of the seed's entries as they were", async () => {
    const timeline = await loadTimeline([seedLog]);
    const before = timeline.entries.map((entry) => [entry.title, [...entry.tags]]);
    ownTitlesAndTags(timeline.entries);
    expect(timeline.entries.map((entry) => [entry.title, entry.tags])).toEqual(before);
    expect(before.some(([title]) => (title as string).length >= 13)).toBe(true);
  });
});
