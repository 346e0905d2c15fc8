import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTimeline } from "../../log/index.ts";
import { entrySummary } from "./entry-pages.ts";
import { tagChunks, tagLinks, tagSummaries } from "./tags.ts";

const seed = "content/000_76b23a5250f26162.txt";
const timeline = parseTimeline([{ file: seed, bytes: readFileSync(seed) }]);
const links = tagLinks(timeline.tags.values());
const summaries = tagSummaries(timeline, links);
const byName = (name: string) => summaries.find((tag) => tag.name === name)!;

describe("tag hierarchy from general-to-specific headers", () => {
  it("reads virtualization › libvirt › xenlight from the seed's headers", () => {
    expect(byName("xenlight").ancestors.map((t) => t.name)).toEqual(["virtualization", "libvirt"]);
    expect(byName("libvirt").children.map((t) => t.name)).toContain("xenlight");
  });

  it("keeps a tag top-level when it follows another only now and then", () => {
    // `company, virtualization, …` once against four entries that start with `virtualization`.
    expect(byName("virtualization").ancestors).toEqual([]);
    expect(byName("company").children.map((t) => t.name)).not.toContain("virtualization");
  });

  it("lists co-occurring tags apart from parents and children", () => {
    const libvirt = byName("libvirt");
    const near = new Set([...libvirt.ancestors, ...libvirt.children].map((t) => t.key));
    expect(libvirt.related.length).toBeGreaterThan(0);
    expect(libvirt.related.some((t) => near.has(t.key) || t.key === libvirt.key)).toBe(false);
  });
});

describe("tagChunks", () => {
  it("splits a tag's entries newest first into pages of the given size", () => {
    const entries = new Map(timeline.entries.map((e) => [e.id, entrySummary(e, links, "UTC")]));
    const gtd = tagChunks(summaries, timeline, entries, 2).filter((chunk) => chunk.tag.name === "GTD");
    const ids = timeline.tags.get("gtd")!.entries;
    expect(gtd.map((c) => c.url)).toEqual(["/tags/gtd/", "/tags/gtd/2/", "/tags/gtd/3/"].slice(0, Math.ceil(ids.length / 2)));
    expect(gtd.flatMap((c) => c.items.map((i) => i.id))).toEqual([...ids].reverse());
  });
});
