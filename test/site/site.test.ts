// Site tests: build the seed and a corpus log into temporary folders with the real plugin and
// templates, then check the pages against the timeline the build read.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Entry, Timeline } from "../../src/log/types.ts";
import { buildFixture, type BuiltSite } from "./build-fixture.ts";
import { allHtmlFiles, exists, fileOf, find, findAll, hasClass, hrefs, isTag, readPage, text, urlOf } from "./html.ts";
import { readTagsPage } from "./tags-page.ts";

const SEED = path.resolve("content/000_76b23a5250f26162.txt");
const CORPUS = path.resolve("test/fixtures/corpus/log2013.txt");

interface Fixture {
  name: string;
  files: string[];
  pageSize: number;
  pathPrefix: string;
  showSource: boolean;
  /** Tests only this fixture's content can answer. */
  more?: (get: () => { site: BuiltSite; timeline: Timeline }) => void;
}

const fixtures: Fixture[] = [
  { name: "seed", files: [SEED], pageSize: 2, pathPrefix: "/", showSource: false, more: seedTests },
  { name: "corpus log2013 under a path prefix", files: [CORPUS], pageSize: 3, pathPrefix: "/log/", showSource: true, more: corpusTests },
];

const pad = (n: number) => String(n).padStart(2, "0");
const dateOf = (e: Entry) => `${e.time.year}-${pad(e.time.month)}-${pad(e.time.day)}`;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

for (const fixture of fixtures) {
  describe(`site built from the ${fixture.name}`, () => {
    let site: BuiltSite;
    let timeline: Timeline;
    /** A root-relative URL as the page links it (with the path prefix) → as the model has it. */
    const unprefix = (url: string) => (url.startsWith(fixture.pathPrefix) ? "/" + url.slice(fixture.pathPrefix.length) : url);
    const entryHrefs = (nodes: ReturnType<typeof findAll>) => nodes.flatMap((n) => hrefs(n)).map(unprefix);

    beforeAll(async () => {
      site = await buildFixture(fixture.files, {
        tags: { pageSize: fixture.pageSize },
        pathPrefix: fixture.pathPrefix,
        baseUrl: "https://log.example.org",
        showSource: fixture.showSource,
        timeZone: "Asia/Shanghai",
      });
      timeline = site.data.published;
    });
    afterAll(() => site?.remove());

    it("writes one page per entry at its URL, titled with the entry's title", () => {
      expect(timeline.entries.length).toBeGreaterThan(10);
      for (const entry of timeline.entries) {
        const page = readPage(site.outDir, entry.url);
        expect(text(find(page, hasClass("entry-title"))!)).toBe(entry.title.replace(/\s+/g, " ").trim());
        const time = find(page, (el) => el.tagName === "time" && String(el.properties.dateTime).startsWith(entry.timestamp.slice(0, 16)));
        expect(time, entry.id).toBeDefined();
        expect(String(time!.properties.dateTime)).toMatch(/\+08:00$/);
      }
      const entryPages = allHtmlFiles(site.outDir).filter((file) => readFileSync(file, "utf8").includes('<article class="entry">'));
      expect(entryPages.length).toBe(timeline.entries.length);
    });

    it("shows the source file and line only when showSource is set, and links the entry to its day", () => {
      const entry = timeline.entries[0]!;
      const page = readPage(site.outDir, entry.url);
      const source = find(page, hasClass("source"));
      if (fixture.showSource) expect(text(source!)).toBe(`${path.basename(entry.file)}:${entry.line}`);
      else expect(source).toBeUndefined();
      expect(hrefs(find(page, hasClass("entry-day"))!).map(unprefix)).toContain(`/${entry.timestamp.slice(0, 10).replace(/-/g, "/")}/`);
    });

    it("lists on every tag page exactly the entries with that tag, newest first, paginated", () => {
      expect(timeline.tags.size).toBeGreaterThan(5);
      let paginated = 0;
      for (const tag of timeline.tags.values()) {
        const expected = tag.entries.map((id) => timeline.byId.get(id)!.url).reverse();
        const pageCount = Math.ceil(expected.length / fixture.pageSize);
        if (pageCount > 1) paginated++;
        const listed: string[] = [];
        for (let n = 1; n <= pageCount; n++) {
          const url = n === 1 ? `/tags/${tag.slug}/` : `/tags/${tag.slug}/${n}/`;
          const page = readPage(site.outDir, url);
          const items = findAll(find(page, hasClass("tag-entries"))!, hasClass("entry-item-title"));
          expect(items.length, url).toBeLessThanOrEqual(fixture.pageSize);
          listed.push(...entryHrefs(items));
          if (pageCount > 1) {
            const nav = find(page, hasClass("pagination"))!;
            expect(text(find(nav, (el) => el.properties.ariaCurrent === "page")!)).toBe(String(n));
          }
        }
        expect(listed, tag.name).toEqual(expected);
        expect(exists(site.outDir, `/tags/${tag.slug}/${pageCount + 1}/`)).toBe(false);
      }
      expect(paginated).toBeGreaterThan(0);
    });

    it("lists every tag once on /tags/, in a topic or under its letter, with its count", () => {
      const { listed } = readTagsPage(site.outDir);
      const shown = new Map(listed.map((tag) => [unprefix(tag.href), tag.once ? 1 : tag.count]));
      expect(listed.length).toBe(timeline.tags.size);
      for (const tag of timeline.tags.values()) expect(shown.get(`/tags/${tag.slug}/`), tag.name).toBe(tag.entries.length);
    });

    it("shows every entry of a day in full on its day page", () => {
      for (const [date, entries] of groupBy(timeline.entries, dateOf)) {
        const page = readPage(site.outDir, `/${date.replace(/-/g, "/")}/`);
        const articles = findAll(page, hasClass("day-entry"));
        expect(articles.map((a) => unprefix(hrefs(find(a, hasClass("entry-title"))!)[0]!))).toEqual(entries.map((e) => e.url));
        // In full: every literal block of every entry is on the day page.
        const pageText = text(page);
        for (const entry of entries) for (const block of entry.blocks) expect(pageText).toContain(block.text.split("\n")[0]!.replace(/\s+/g, " ").trim());
      }
    });

    it("lists exactly their entries on month and year pages, by day, with counts", () => {
      for (const [month, entries] of groupBy(timeline.entries, (e) => dateOf(e).slice(0, 7))) {
        const page = readPage(site.outDir, `/${month.replace("-", "/")}/`);
        expect(entryHrefs(findAll(page, hasClass("entry-item-title")))).toEqual(entries.map((e) => e.url));
        const days = groupBy(entries, dateOf);
        const headings = findAll(page, hasClass("day-heading"));
        expect(headings.length).toBe(days.size);
        headings.forEach((heading, i) => {
          const count = [...days.values()][i]!.length;
          expect(text(find(heading, hasClass("count"))!)).toBe(`${count} ${count === 1 ? "entry" : "entries"}`);
        });
      }
      for (const [year, entries] of groupBy(timeline.entries, (e) => String(e.time.year))) {
        const page = readPage(site.outDir, `/${year}/`);
        expect(entryHrefs(findAll(page, hasClass("entry-item-title")))).toEqual(entries.map((e) => e.url));
      }
    });

    it("lists years and months with their counts on /archive/", () => {
      const page = readPage(site.outDir, "/archive/");
      const months = groupBy(timeline.entries, (e) => dateOf(e).slice(0, 7));
      const items = findAll(find(page, hasClass("archive-year"))!.children.length ? page : page, (el) => el.tagName === "li" && find(el, isTag("a")) !== undefined && find(el, hasClass("count")) !== undefined);
      const shown = new Map(items.map((li) => [unprefix(hrefs(li)[0]!), text(find(li, hasClass("count"))!)]));
      for (const [month, entries] of months) expect(shown.get(`/${month.replace("-", "/")}/`), month).toBe(String(entries.length));
    });

    it("draws the home calendar with a link to every day with entries in the last twelve months", () => {
      const page = readPage(site.outDir, "/");
      const calendar = find(page, isTag("svg"))!;
      const linked = new Set(hrefs(calendar).map(unprefix));
      const last = dateOf(timeline.entries.at(-1)!);
      const yearBefore = `${Number(last.slice(0, 4)) - 1}${last.slice(4)}`;
      const days = [...groupBy(timeline.entries, dateOf).keys()].filter((d) => d > yearBefore && d <= last);
      expect(linked).toEqual(new Set(days.map((d) => `/${d.replace(/-/g, "/")}/`)));
    });

    it("redirects each entry's id URL to the entry", () => {
      const redirects = readFileSync(path.join(site.outDir, "_redirects"), "utf8").trim().split("\n");
      const prefix = fixture.pathPrefix.replace(/\/$/, "");
      const moved = timeline.entries
        .map((entry) => ({ entry, idUrl: entry.id.replace(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(-\d+)?$/, "/$1/$2/$3/$4$5$6/") }))
        .filter(({ entry, idUrl }) => idUrl !== entry.url);
      expect(moved.length).toBeGreaterThan(0);
      expect(redirects.length).toBe(moved.length);
      for (const { entry, idUrl } of moved) {
        expect(redirects).toContain(`${encodeURI(prefix + idUrl)} ${encodeURI(prefix + entry.url)} 301!`);
        const html = readFileSync(fileOf(site.outDir, idUrl), "utf8");
        expect(html).toContain(`url=${prefix}${entry.url}"`);
      }
    });

    it("resolves every internal link and asset reference", () => {
      const files = allHtmlFiles(site.outDir);
      const ids = new Map<string, Set<string>>();
      const idsOf = (url: string) => {
        if (!ids.has(url)) ids.set(url, new Set(findAll(readPage(site.outDir, url), (el) => el.properties.id !== undefined).map((el) => String(el.properties.id))));
        return ids.get(url)!;
      };
      const broken: string[] = [];
      let checked = 0;
      for (const file of files) {
        const from = urlOf(site.outDir, file);
        const page = readPage(site.outDir, from);
        const refs = findAll(page, () => true).flatMap((el) =>
          [el.properties.href, el.properties.src, el.properties.action].filter((v): v is string => typeof v === "string"),
        );
        for (const ref of refs) {
          if (/^[a-z]+:/i.test(ref)) continue; // absolute: canonical links, the log's own URLs
          checked++;
          if (ref.startsWith("#")) {
            if (!idsOf(from).has(decodeURIComponent(ref.slice(1)))) broken.push(`${from} → ${ref}`);
            continue;
          }
          expect(ref.startsWith(fixture.pathPrefix), `${from} → ${ref}`).toBe(true);
          const [target, fragment] = unprefix(ref).split("#") as [string, string | undefined];
          if (!exists(site.outDir, target)) broken.push(`${from} → ${ref}`);
          else if (fragment && target.endsWith("/") && !idsOf(target).has(decodeURIComponent(fragment))) broken.push(`${from} → ${ref}`);
        }
      }
      expect(checked).toBeGreaterThan(files.length * 5);
      expect(broken).toEqual([]);
    });

    it("writes valid HTML on every page", async () => {
      expect((await htmlProblems(site.outDir)).slice(0, 20)).toEqual([]);
    });

    it("gives every page a canonical URL under the base URL and path prefix", () => {
      const page = readPage(site.outDir, timeline.entries[0]!.url);
      const canonical = find(page, (el) => el.tagName === "link" && String(el.properties.rel) === "canonical")!;
      expect(canonical.properties.href).toBe(new URL(fixture.pathPrefix + timeline.entries[0]!.url.slice(1), "https://log.example.org").href);
      const sitemap = readFileSync(path.join(site.outDir, "sitemap.xml"), "utf8");
      for (const entry of timeline.entries) expect(sitemap).toContain(new URL(fixture.pathPrefix + entry.url.slice(1), "https://log.example.org").href);
      expect(readFileSync(path.join(site.outDir, "robots.txt"), "utf8")).toContain(`Sitemap: https://log.example.org${fixture.pathPrefix}sitemap.xml`);
    });

    fixture.more?.(() => ({ site, timeline }));
  });
}

/** Entry pages, tags and slugs as log-format.md describes the seed. */
function seedTests(get: () => { site: BuiltSite; timeline: Timeline }): void {
  const byStamp = (iso: string) => get().timeline.entries.find((e) => e.timestamp === iso)!;

  it("slugs `arm Server` as /tags/arm-server/ and links it from the entry's header", () => {
    const entry = byStamp("2012-11-05T10:16");
    const header = find(readPage(get().site.outDir, entry.url), hasClass("entry-header"))!;
    expect(hrefs(header)).toEqual(["/tags/community/", "/tags/linaro/", "/tags/arm-server/"]);
    expect(text(find(readPage(get().site.outDir, "/tags/arm-server/"), isTag("h1"))!)).toBe("arm Server");
  });

  it("does not repeat a header that is only a title", () => {
    const page = readPage(get().site.outDir, byStamp("2012-11-05T17:36").url);
    expect(text(find(page, hasClass("entry-title"))!)).toBe("work report - week 44");
    expect(find(page, hasClass("entry-header"))).toBeUndefined();
  });

  it("shows the entries that refer to an entry, with the referring item as context", () => {
    const target = byStamp("2012-11-05T10:03");
    const gtd = byStamp("2012-11-05T10:37");
    const backlinks = find(readPage(get().site.outDir, target.url), hasClass("backlinks"))!;
    expect(hrefs(backlinks)).toContain(gtd.url);
    expect(text(find(backlinks, hasClass("context"))!)).toContain("armv8 and arm server");
  });

  it("shows a series with its parts in order, and previous/next in time", () => {
    const part1 = byStamp("2012-11-01T16:38");
    const part2 = byStamp("2012-11-05T11:17");
    const page = readPage(get().site.outDir, part2.url);
    const series = find(page, hasClass("series"))!;
    expect(text(find(series, isTag("h2"))!)).toBe("Series: add libxl api");
    expect(hrefs(series)).toEqual(["/series/add-libxl-api/", part1.url]);
    expect(text(find(series, (el) => el.properties.ariaCurrent === "page")!)).toBe("domainBlockStats");
    // The series' own page lists every part, in order, numbered.
    const seriesPage = readPage(get().site.outDir, "/series/add-libxl-api/");
    expect(text(find(seriesPage, isTag("h1"))!)).toBe("Series: add libxl api");
    const parts = findAll(find(seriesPage, hasClass("series-parts"))!, isTag("li"));
    expect(parts.map((li) => [li.properties.value, hrefs(li)])).toEqual([
      ["1", [part1.url]],
      ["2", [part2.url]],
    ]);
    const { timeline } = get();
    const i = timeline.entries.indexOf(part2);
    const nav = find(page, hasClass("prev-next"))!;
    expect(hrefs(nav)).toEqual([timeline.entries[i - 1]!.url, timeline.entries[i + 1]!.url]);
  });

  it("shows a tag's broader and narrower tags as the headers imply", () => {
    const xenlight = readPage(get().site.outDir, "/tags/xenlight/");
    expect(hrefs(find(xenlight, hasClass("breadcrumb"))!)).toEqual(["/tags/", "/tags/virtualization/", "/tags/libvirt/"]);
    const libvirt = readPage(get().site.outDir, "/tags/libvirt/");
    expect(hrefs(find(libvirt, hasClass("tag-children"))!)).toContain("/tags/xenlight/");
    expect(hrefs(find(libvirt, hasClass("breadcrumb"))!)).toEqual(["/tags/", "/tags/virtualization/"]);
  });

  it("keeps the log's text literal and escaped", () => {
    const url = byStamp("2012-11-05T11:17").url;
    expect(text(find(readPage(get().site.outDir, url), hasClass("entry-body"))!)).toContain("(gdb) p *xendev");
    const html = readFileSync(fileOf(get().site.outDir, url), "utf8");
    expect(html).not.toMatch(/<xendev|<\.\.\.>/);
  });
}

/** Chinese tags keep their script in slugs and URLs. */
function corpusTests(get: () => { site: BuiltSite; timeline: Timeline }): void {
  it("keeps Chinese in tag slugs and URLs", () => {
    const { site, timeline } = get();
    const chinese = [...timeline.tags.values()].filter((tag) => /\p{Script=Han}/u.test(tag.name));
    expect(chinese.length).toBeGreaterThan(0);
    for (const tag of chinese) {
      expect(tag.slug).toMatch(/\p{Script=Han}/u);
      expect(text(find(readPage(site.outDir, `/tags/${tag.slug}/`), isTag("h1"))!)).toBe(tag.name);
    }
  });
}

/** What html-validate finds on every page of a built site, a line each. */
async function htmlProblems(outDir: string): Promise<string[]> {
  const validator = new HtmlValidate({
    extends: ["html-validate:recommended"],
    rules: {
      // Log text keeps its trailing spaces inside <pre>, and Eleventy's HTML base transform
      // re-serializes boolean attributes as `defer=""` and `hidden=""`: none is invalid HTML.
      "no-trailing-whitespace": "off",
      "attribute-boolean-style": "off",
      "attribute-empty-style": "off",
      // A search-engine length hint measured on the escaped source (`&quot;` counts 6); titles
      // are cut to 55 characters in the templates.
      "long-title": "off",
    },
  });
  const problems: string[] = [];
  for (const file of allHtmlFiles(outDir)) {
    const report = await validator.validateString(readFileSync(file, "utf8"), file);
    for (const result of report.results) for (const m of result.messages) problems.push(`${urlOf(outDir, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return problems;
}

describe("a long series", () => {
  // The seed's 远峰开发板学习（续） header over 30 days: one series of 30 parts.
  let site: BuiltSite;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "dotlog-long-series-"));
    const log = path.join(dir, "vivi.log");
    writeFileSync(
      log,
      Array.from(
        { length: 30 },
        (_, i) => `20:${String(i).padStart(2, "0")} 2008-03-${String(i + 1).padStart(2, "0")}\n嵌入式，arm, s3c2410, 远峰开发板学习（续）, vivi\n1, 今天继续看vivi的代码，主要是启动部分和串口初始化。\n`,
      ).join(""),
    );
    site = await buildFixture([log], { baseUrl: "https://log.example.org" });
  }, 60_000);
  afterAll(() => {
    site?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows each entry the parts around it, marks the gaps, and links the series' page, which lists every part", async () => {
    const entries = site.data.published.entries;
    const middle = readPage(site.outDir, entries[15]!.url);
    const series = find(middle, hasClass("series"))!;
    const items = findAll(find(series, isTag("ol"))!, isTag("li"));
    expect(items.map((li) => (li.properties.ariaHidden === "true" ? "…" : String(li.properties.value)))).toEqual(["1", "…", "13", "14", "15", "16", "17", "18", "19", "…", "30"]);
    const seriesUrl = hrefs(find(series, isTag("h2"))!)[0]!;
    expect(hrefs(find(series, hasClass("series-all"))!)).toEqual([seriesUrl]);
    expect(text(find(series, hasClass("series-all"))!)).toBe("All 30 parts");
    const all = findAll(find(readPage(site.outDir, seriesUrl), hasClass("series-parts"))!, isTag("li"));
    expect(all.flatMap((li) => hrefs(li))).toEqual(entries.map((entry) => entry.url));
    expect(await htmlProblems(site.outDir)).toEqual([]);
  });
});
