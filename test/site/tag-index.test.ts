// The tags index (`/tags/`) of a built site: the seed and the four corpus months in one site,
// and a log of 6,000 tags, as the author's decade has. Every tag is reachable once from a
// topic or a letter at its unchanged URL; no script is needed to open anything.

import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Element } from "hast";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Timeline } from "../../src/log/types.ts";
import { manyTagsLog } from "../fixtures/many-tags.ts";
import { buildFixture, type BuiltSite } from "./build-fixture.ts";
import { exists, fileOf, find, findAll, hasClass, isTag, text } from "./html.ts";
import { readTagsPage, type TagsPage } from "./tags-page.ts";

const SEED = path.resolve("content/000_76b23a5250f26162.txt");
const CORPUS = ["log200708.txt", "log20100215.txt", "log201204novell.txt", "log2013.txt"].map((file) => path.resolve("test/fixtures/corpus", file));

/** What every tags index must be, whatever the log. */
function expectSoundIndex(page: TagsPage, timeline: Timeline, outDir: string): void {
  const tags = [...timeline.tags.values()];
  // Every tag once, at its own URL, which is still /tags/<slug>/ and exists.
  const hrefs = page.listed.map((tag) => tag.href);
  expect(hrefs.length).toBe(tags.length);
  expect(new Set(hrefs)).toEqual(new Set(tags.map((tag) => `/tags/${tag.slug}/`)));
  for (const href of hrefs.slice(0, 50)) expect(exists(outDir, href), href).toBe(true);
  // With its name and count; a line of tags used once shows no count, and lists only those.
  const bySlug = new Map(tags.map((tag) => [`/tags/${tag.slug}/`, tag]));
  for (const listed of page.listed) {
    const tag = bySlug.get(listed.href)!;
    expect(listed.name).toBe(tag.name.replace(/\s+/g, " ").trim());
    if (listed.once) expect(tag.entries.length, tag.name).toBe(1);
    else expect(listed.count, tag.name).toBe(tag.entries.length);
  }
  // Jump list: one link a letter heading, in page order, each to a heading that exists.
  expect(page.jumps.map((jump) => jump.fragment)).toEqual(page.letterIds);
  expect(page.letterIds.length).toBe(new Set(page.letterIds).size);
  // No details opened by default: the page opens folded, and `details` needs no script.
  const details = findAll(page.tree, isTag("details"));
  expect(details.every((d) => d.properties.open === undefined)).toBe(true);
  expect(findAll(find(page.tree, isTag("main"))!, isTag("script"))).toEqual([]);
}

describe("/tags/ of the seed and the corpus months", () => {
  let site: BuiltSite;
  let page: TagsPage;

  beforeAll(async () => {
    site = await buildFixture([SEED, ...CORPUS], { timeZone: "Asia/Shanghai" });
    page = readTagsPage(site.outDir);
  });
  afterAll(() => site?.remove());

  it("lists every tag once, at its URL, with its count, and every jump lands on its letter", () => {
    expectSoundIndex(page, site.data.published, site.outDir);
  });

  it("has the most used, the topics and A–Z under their headings, linked from the top", () => {
    const main = find(page.tree, isTag("main"))!;
    expect(findAll(main, isTag("h2")).map((h) => [text(h), h.properties.id])).toEqual([
      ["Most used", "most-used"],
      ["By topic", "topics"],
      ["A–Z", "a-z"],
    ]);
    const toc = find(main, hasClass("tag-index-toc"))!;
    expect(toc.tagName).toBe("nav");
    expect(findAll(toc, isTag("a")).map((a) => a.properties.href)).toEqual(["#most-used", "#topics", "#a-z"]);
    expect(find(main, hasClass("jump-list"))!.tagName).toBe("nav");
  });

  it("shows the most used first, largest first", () => {
    expect(page.mostUsed.slice(0, 4).map((tag) => tag.name)).toEqual(["virtualization", "suse", "libvirt", "xen"]);
    const counts = page.mostUsed.map((tag) => tag.count!);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const sizes = findAll(find(page.tree, hasClass("tag-most-used"))!, isTag("li")).map((li) => String(li.properties.className));
    expect(sizes[0]).toBe("size-5");
    expect(sizes.at(-1)).toBe("size-1");
  });

  it("shows the headers' hierarchy as a tree: suse › virtualization › libvirt › xenlight", () => {
    const suse = findAll(find(page.tree, hasClass("tag-topics"))!, isTag("details")).find((d) => text(find(d, isTag("summary"))!).startsWith("suse "))!;
    expect(text(find(suse, isTag("summary"))!)).toMatch(/^suse 31 entries · \d+ narrower$/);
    let list = find(suse, hasClass("tag-tree"))!;
    for (const name of ["suse", "virtualization", "libvirt", "xenlight"]) {
      const item = childElements(list).find((li) => li.tagName === "li" && text(childElements(li).find(isTag("a")) ?? li) === name);
      expect(item, name).toBeDefined();
      list = childElements(item!).find(isTag("ul")) ?? item!;
    }
  });

  it("files Chinese tags by pinyin", () => {
    // 华山资本 (huá), 汤姆森面试 (tāng): both used once, outside any topic.
    expect(letterOf(page, "华山资本")).toBe("H");
    expect(letterOf(page, "汤姆森面试")).toBe("T");
  });
});

function letterOf(page: TagsPage, name: string): string | undefined {
  const letter = findAll(page.tree, hasClass("letter")).find((l) => findAll(l, isTag("a")).some((a) => text(a) === name));
  return letter && text(find(letter, isTag("h3"))!);
}

const childElements = (node: Element): Element[] => node.children.filter((c): c is Element => c.type === "element");

describe("/tags/ at 6,000 tags", () => {
  let site: BuiltSite;
  let page: TagsPage;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "dotlog-many-tags-"));
    const log = path.join(root, "many-tags.log");
    writeFileSync(log, manyTagsLog(5300));
    site = await buildFixture([log], {});
    page = readTagsPage(site.outDir);
  });
  afterAll(() => {
    site?.remove();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("lists every tag once, at its URL, with its count, and every jump lands on its letter", () => {
    expect(site.data.published.tags.size).toBeGreaterThan(6000);
    expectSoundIndex(page, site.data.published, site.outDir);
  });

  it("files tags that start with a digit last, under a jump spelled out for a screen reader", () => {
    // `2to3` and `8064` are one-word headers of the synthesized log, outside any topic.
    const last = findAll(page.tree, hasClass("letter")).at(-1)!;
    expect(text(find(last, isTag("h3"))!)).toBe("# Digits and symbols");
    expect(findAll(last, isTag("a")).map((a) => text(a))).toEqual(expect.arrayContaining([expect.stringMatching(/^2to3\b/), expect.stringMatching(/^8064\b/)]));
    expect(page.jumps.at(-1)).toEqual({ label: "# Digits and symbols", fragment: "tags-other" });
  });

  it("stays one link a tag: under 100 bytes a tag, the 40 most used the only repeats", () => {
    const tags = site.data.published.tags.size;
    const bytes = statSync(fileOf(site.outDir, "/tags/")).size;
    // 537 kB for 6,067 tags when written; the one wall of links it replaced was ~90 bytes a tag.
    expect(bytes / tags).toBeLessThan(100);
    const links = findAll(find(page.tree, isTag("main"))!, (el) => el.tagName === "a" && String(el.properties.href).startsWith("/tags/"));
    expect(links.length).toBe(tags + page.mostUsed.length);
    expect(page.mostUsed.length).toBe(40);
  });

  it("folds what a reader does not need at first: topics, the smaller topics, long runs of tags used once", () => {
    const topics = find(page.tree, hasClass("tag-topics"))!;
    const shown = findAll(find(topics, hasClass("topic-list"))!, (el) => el.tagName === "li" && find(el, isTag("summary")) !== undefined);
    expect(shown.length).toBeGreaterThanOrEqual(48);
    expect(text(find(find(topics, hasClass("more-topics"))!, isTag("summary"))!)).toMatch(/^\d+ smaller topics$/);
    // Outside the topics, a letter's tags used once are folded when there are more than 12.
    // Most tags used once sit in such lines; the rest are used once with narrower tags of their own.
    const usedOnce = [...site.data.published.tags.values()].filter((tag) => tag.entries.length === 1).length;
    expect(page.listed.filter((tag) => tag.once).length).toBeGreaterThan(usedOnce * 0.8);
    for (const letter of findAll(find(page.tree, hasClass("tag-letters"))!, hasClass("letter"))) {
      const line = find(letter, hasClass("once"));
      if (!line) continue;
      const count = findAll(line, isTag("a")).length;
      expect(find(line, isTag("details")) !== undefined, text(find(letter, isTag("h3"))!)).toBe(count > 12);
    }
    expect(page.listed.filter((tag) => !tag.folded).length).toBeLessThan(300);
  });
});
