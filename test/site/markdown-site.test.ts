// The author's decade in one site: the four corpus months (.LOG and plain logs, 2007–2013) and
// a Markdown-era month (test/fixtures/markdown/, 2016), built with the real plugin and
// templates. The Markdown entries get their pages, archive year, tags, series, search records
// and blog post, and references cross from the Markdown year into the .LOG years.

import path from "node:path";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Entry, Timeline } from "../../src/log/types.ts";
import { entryDocuments } from "../../src/site/search/documents.ts";
import { buildFixture, type BuiltSite } from "./build-fixture.ts";
import { fileOf, find, findAll, hasClass, hrefs, isTag, readPage, text } from "./html.ts";
import { readTagsPage } from "./tags-page.ts";
import { isBadTitle, notATag } from "../fixtures/not-a-tag.ts";

const FILES = [
  "test/fixtures/corpus/log200708.txt",
  "test/fixtures/corpus/log20100215.txt",
  "test/fixtures/corpus/log201204novell.txt",
  "test/fixtures/corpus/log2013.txt",
  "test/fixtures/markdown/log201601.markdown",
].map((file) => path.resolve(file));

let site: BuiltSite;
let timeline: Timeline;
const entry = (id: string): Entry => timeline.byId.get(id)!;
const markdownEntries = (): Entry[] => timeline.entries.filter((e) => e.format === "markdown");

beforeAll(async () => {
  site = await buildFixture(FILES, { baseUrl: "https://log.example.org", timeZone: "Asia/Shanghai" });
  timeline = site.data.published;
});
afterAll(() => site?.remove());

describe("a site of the .LOG years and a Markdown-era month", () => {
  it("reads the Markdown journal beside the logs", () => {
    expect(markdownEntries()).toHaveLength(24);
    expect(timeline.files.map((file) => [path.basename(file.file), file.format])).toEqual([
      ["log200708.txt", "log"],
      ["log20100215.txt", "log"],
      ["log201204novell.txt", "log"],
      ["log2013.txt", "log"],
      ["log201601.markdown", "markdown"],
    ]);
  });

  it("gives each Markdown entry its page: title, tags, and a body read as Markdown without its underlines", () => {
    for (const e of markdownEntries()) {
      const page = readPage(site.outDir, e.url);
      expect(text(find(page, hasClass("entry-title"))!)).toBe(e.title);
      const body = text(find(page, hasClass("entry-body"))!);
      expect(body).not.toMatch(/^-{3,}$|^={3,}$|```/m);
    }
    const page = readPage(site.outDir, entry("2016-01-04T15:25").url);
    expect(hrefs(find(page, hasClass("entry-header"))!)).toEqual(["/tags/software-skill/", "/tags/network/", "/tags/route/", "/tags/irccloud-com/"]);
    const body = find(page, hasClass("entry-body"))!;
    expect(find(body, (el) => el.properties.id === "i1")?.tagName).toBe("li");
    expect(findAll(body, hasClass("transcript"))).toHaveLength(1);
    expect(hrefs(body)).toEqual(["http://ted.is-programmer.com/posts/4403", "http://open-estuary.org/estuary-v2-1/"]);
  });

  // Issue 18's measure of the decade, on the published site: what /tags/ lists and what every
  // entry page is titled.
  it("publishes no tag shaped like code, a path, a URL, a stamp or a date, and no title of punctuation or an underline", () => {
    const listed = readTagsPage(site.outDir).listed;
    expect(listed.length).toBe(timeline.tags.size);
    expect(listed.flatMap((tag) => notATag(tag.name).map((what) => `${what}: ${tag.name}`))).toEqual([]);
    const titles = timeline.entries.map((e) => ({ e, title: text(find(readPage(site.outDir, e.url), hasClass("entry-title"))!) }));
    expect(titles.filter(({ e, title }) => isBadTitle(title, e.stampText)).map(({ e, title }) => `${e.id} ${title}`)).toEqual([]);
  });

  it("files the Markdown year in the archive with its count", () => {
    const archive = readPage(site.outDir, "/archive/");
    const years = findAll(archive, hasClass("archive-year")).map((section) => text(find(section, isTag("h2"))!).replace(/\s+/g, " "));
    expect(years).toEqual(["2016 24 entries", "2013 96 entries", "2012 82 entries", "2010 1 entry", "2007 191 entries"]);
    const month = readPage(site.outDir, "/2016/01/");
    for (const e of markdownEntries()) expect(hrefs(month)).toContain(e.url);
  });

  it("lists the Markdown entries on their tags' pages, merged with the .LOG years' same tags", () => {
    const network = readPage(site.outDir, "/tags/network/");
    const linked = hrefs(network);
    for (const e of timeline.entries.filter((e) => e.tags.some((tag) => tag.toLowerCase() === "network"))) expect(linked).toContain(e.url);
    expect(timeline.tags.get("network")!.entries.some((id) => id.startsWith("2016"))).toBe(true);
    expect(timeline.tags.get("network")!.entries.some((id) => id.startsWith("2012"))).toBe(true);
    // One tag across the eras: listed once by the index (its most used tags are shown again on top).
    expect(readTagsPage(site.outDir).listed.filter((tag) => tag.href === "/tags/hikey/")).toHaveLength(1);
  });

  it("links a reference from the Markdown year to a .LOG item, and shows the backlink there", () => {
    const from = entry("2016-01-06T14:20");
    const target = entry("2012-04-01T14:25");
    const body = find(readPage(site.outDir, from.url), hasClass("entry-body"))!;
    expect(hrefs(body)).toContain(`${target.url}#i1`);
    const backlinks = find(readPage(site.outDir, target.url), hasClass("backlinks"))!;
    expect(hrefs(backlinks)).toContain(from.url);
    const item = findAll(backlinks, isTag("li")).find((li) => hrefs(li).includes(from.url))!;
    expect(text(find(item, hasClass("context"))!)).toContain("the same problem was in the libvirt days");
  });

  it("gives the Markdown series its page and the blog request its post", () => {
    const series = readPage(site.outDir, "/series/boot-guest-on-hikey/");
    expect(hrefs(find(series, hasClass("series-parts"))!)).toEqual(["2016-01-05T10:05", "2016-01-06T14:20", "2016-01-14T16:22"].map((id) => entry(id).url));
    const page = readPage(site.outDir, "/blog/write-the-blog-about-kvm-on-hikey-from-the-notes-of-this/");
    expect(findAll(page, hasClass("post-source")).map((section) => hrefs(find(section, isTag("h2"))!)[0])).toEqual(
      ["2016-01-05T10:05", "2016-01-06T14:20", "2016-01-14T16:22"].map((id) => entry(id).url),
    );
  });

  it("indexes what the reader sees of a Markdown entry, not its Markdown", () => {
    const documents = entryDocuments(markdownEntries(), timeline.tags);
    const route = documents.find((document) => document.url === entry("2016-01-04T15:25").url)!;
    expect(route.text).toContain("the route need to add for irccloud.com");
    expect(route.text).toContain("route add -net 74.125.204.0");
    expect(route.text).toContain("estuary 2.1 notes");
    // (The notes entry shows `[text](url)` and `<url>` as code, on purpose.)
    for (const document of documents) expect(document.text).not.toMatch(/\]\(https?:|<https?:|\*\*|```|^-{3,}$/m);
    expect(documents.find((document) => document.url === entry("2016-01-05T10:05").url)!.text).toContain("Note: the board must be in recovery mode");
  });

  it("writes valid HTML on the Markdown entries' pages", async () => {
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: { "no-trailing-whitespace": "off", "attribute-boolean-style": "off", "attribute-empty-style": "off", "long-title": "off" },
    });
    const problems: string[] = [];
    for (const e of markdownEntries()) {
      const report = await validator.validateFile(fileOf(site.outDir, e.url));
      for (const result of report.results) for (const m of result.messages) problems.push(`${e.url}:${m.line} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
