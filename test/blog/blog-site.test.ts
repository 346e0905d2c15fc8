// The blog issue's acceptance tests: real sites built from the seed (and fixtures of
// hand-written posts), read back as HTML and as Atom feeds.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileOf, find, findAll, readPage, allHtmlFiles } from "../site/html.ts";
import { toString } from "hast-util-to-string";
import { buildBlogSite, type BlogSite } from "./build-blog-site.ts";

const BASE = "https://log.example.org";
const sites: BlogSite[] = [];
async function build(...args: Parameters<typeof buildBlogSite>): Promise<BlogSite> {
  const site = await buildBlogSite(...args);
  sites.push(site);
  return site;
}
afterAll(async () => {
  await Promise.all(sites.map((site) => site.remove()));
});

function postDirs(outDir: string): string[] {
  return readdirSync(path.join(outDir, "blog"), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !/^\d+$/.test(d.name))
    .map((d) => d.name);
}

const hrefs = (tree: ReturnType<typeof readPage>) =>
  findAll(tree, (el) => el.tagName === "a").map((el) => String(el.properties.href));

interface AtomEntry {
  title: string;
  id: string;
  updated: string;
  link: { "@_href": string; "@_rel": string }[];
  category?: { "@_term": string }[];
  content: { "#text": string; "@_type": string };
  summary?: string;
}
interface AtomFeed {
  title: string;
  id: string;
  updated: string;
  link: { "@_href": string; "@_rel": string }[];
  entry?: AtomEntry[];
}

function readFeed(outDir: string, url: string): AtomFeed {
  const xml = readFileSync(fileOf(outDir, url), "utf8");
  expect(XMLValidator.validate(xml), url).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ["entry", "category", "link"].includes(name),
    processEntities: true,
    htmlEntities: true,
  });
  const doc = parser.parse(xml) as { feed: AtomFeed & { "@_xmlns": string } };
  expect(doc.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  return doc.feed;
}

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  // As the site tests: Eleventy's HTML base transform writes boolean attributes as `defer=""`.
  rules: { "no-trailing-whitespace": "off", "attribute-boolean-style": "off", "attribute-empty-style": "off" },
});

/** html-validate's complaints about the blog's own pages. */
async function invalid(site: BlogSite): Promise<string[]> {
  const problems: string[] = [];
  for (const url of ["/blog/", "/todo/", ...site.blog.posts.map((post) => post.url)]) {
    const report = await validator.validateString(readFileSync(fileOf(site.outDir, url), "utf8"), url);
    for (const result of report.results) for (const m of result.messages) problems.push(`${url}:${m.line} ${m.ruleId} ${m.message}`);
  }
  return problems;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

/** A site URL of the build → the file it is served from, or null for other origins. */
function localFile(outDir: string, absolute: string): string | null {
  if (!absolute.startsWith(`${BASE}/`)) return null;
  return fileOf(outDir, absolute.slice(BASE.length));
}

describe("the seed built as a site", () => {
  let site: BlogSite;
  beforeAll(async () => {
    site = await build();
  });

  it("has exactly one post, titled from the armv8 item", () => {
    expect(postDirs(site.outDir)).toEqual(["armv8-and-arm-server"]);
    const page = readPage(site.outDir, "/blog/armv8-and-arm-server/");
    expect(toString(find(page, (el) => el.tagName === "h1")!)).toBe("armv8 and arm server");
  });

  it("holds the text of both referenced entries and links to both", () => {
    const page = readPage(site.outDir, "/blog/armv8-and-arm-server/");
    const text = toString(find(page, (el) => el.tagName === "main")!);
    expect(text).toContain("Linaro Enterprise Group");
    expect(text).toContain("AArch64");
    const links = hrefs(page);
    for (const id of ["2012-11-05T10:03", "2012-11-05T10:16"]) {
      const url = site.data.published.byId.get(id)!.url;
      expect(links).toContain(url);
      expect(existsSync(fileOf(site.outDir, url))).toBe(true);
    }
  });

  it("links only to pages and anchors that exist", () => {
    const page = readPage(site.outDir, "/blog/armv8-and-arm-server/");
    const ids = new Set(findAll(page, (el) => typeof el.properties.id === "string").map((el) => String(el.properties.id)));
    const links = hrefs(page).filter((href) => href.startsWith("/") || href.startsWith("#"));
    expect(links).toContain(`${site.data.published.byId.get("2012-11-05T10:37")!.url}#i1-1`);
    for (const href of links) {
      const [url, id] = href.split("#") as [string, string | undefined];
      if (url === "") {
        expect(ids.has(id!), href).toBe(true);
        continue;
      }
      expect(existsSync(fileOf(site.outDir, url)), href).toBe(true);
      if (id && url.endsWith("/")) expect(find(readPage(site.outDir, url), (el) => el.properties.id === id), href).toBeDefined();
    }
  });

  it("is linked from its source entries, the requesting entry, /blog/, the home page and its tag pages", () => {
    for (const id of ["2012-11-05T10:03", "2012-11-05T10:16", "2012-11-05T10:37"]) {
      expect(hrefs(readPage(site.outDir, site.data.published.byId.get(id)!.url)), id).toContain("/blog/armv8-and-arm-server/");
    }
    // The request's own TODO badge links its post, on the entry page and on the day page.
    const request = site.data.published.byId.get("2012-11-05T10:37")!;
    for (const url of [request.url, "/2012/11/05/"]) {
      const badge = find(readPage(site.outDir, url), (el) => String(el.properties.className).includes("todo-blog"));
      expect(hrefs(badge as never), url).toEqual(["/blog/armv8-and-arm-server/"]);
    }
    for (const url of ["/blog/", "/", "/tags/arm-server/", "/tags/linaro/"]) {
      expect(hrefs(readPage(site.outDir, url)), url).toContain("/blog/armv8-and-arm-server/");
    }
  });

  it("lists every TODO on /todo/; the discussion TODO makes no post, the blog request links its post", () => {
    const page = readPage(site.outDir, "/todo/");
    const items = findAll(page, (el) => el.tagName === "li" && String(el.properties.className).includes("todo-item"));
    expect(items).toHaveLength(2);
    const [discuss, blog] = items;
    expect(toString(discuss!)).toContain("discuss with Jim and Chunyan");
    expect(hrefs(discuss as never).filter((h) => h.startsWith("/blog/"))).toEqual([]);
    expect(toString(blog!)).toContain("write a blog for this.");
    expect(hrefs(blog as never)).toContain("/blog/armv8-and-arm-server/");
    // Each TODO links to itself in its entry, and every in-page anchor it names exists there.
    for (const item of items) {
      for (const href of hrefs(item as never).filter((h) => h.includes("#"))) {
        const [url, id] = href.split("#") as [string, string];
        const target = readPage(site.outDir, url);
        expect(find(target, (el) => el.properties.id === id), href).toBeDefined();
      }
    }
    expect(hrefs(discuss as never)).toContain(`${site.data.published.byId.get("2012-11-06T16:52")!.url}#todo-161`);
  });

  it("writes valid HTML for /blog/, /todo/ and the post", async () => {
    expect(await invalid(site)).toEqual([]);
  });

  it("links the feeds from every page", () => {
    // Redirect stubs for id URLs (`/2012/11/01/1432/`) are not pages a reader sees.
    const pages = allHtmlFiles(site.outDir).filter((file) => !readFileSync(file, "utf8").includes('http-equiv="refresh"'));
    expect(pages.length).toBeGreaterThan(site.data.published.entries.length);
    for (const file of pages) {
      const tree = readPage(site.outDir, "/" + path.relative(site.outDir, file).replace(/index\.html$/, ""));
      const alternates = findAll(tree, (el) => el.tagName === "link" && String(el.properties.rel) === "alternate")
        .map((el) => String(el.properties.href));
      expect(alternates, file).toEqual(expect.arrayContaining(["/feed.xml", "/entries.xml"]));
    }
    const tag = readPage(site.outDir, "/tags/arm-server/");
    const feeds = findAll(tag, (el) => el.tagName === "link" && String(el.properties.rel) === "alternate").map((el) => String(el.properties.href));
    expect(feeds).toContain("/tags/arm-server/feed.xml");
  });

  it("writes feeds that parse, with absolute ids and links to built pages, zoned dates and full content", () => {
    const tagFeeds = [...site.data.published.tags.values()].map((tag) => `/tags/${tag.slug}/feed.xml`);
    for (const url of ["/feed.xml", "/entries.xml", ...tagFeeds]) {
      const feed = readFeed(site.outDir, url);
      expect(feed.id).toBe(`${BASE}${url}`);
      expect(feed.link.find((l) => l["@_rel"] === "self")?.["@_href"]).toBe(`${BASE}${url}`);
      expect(feed.updated).toMatch(RFC3339);
      const entries = feed.entry ?? [];
      expect(entries.length, url).toBeGreaterThan(0);
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
      for (const entry of entries) {
        expect(entry.updated).toMatch(/\+08:00$/);
        expect(entry.id).toBe(entry.link[0]?.["@_href"]);
        const file = localFile(site.outDir, entry.id);
        expect(file && existsSync(file), entry.id).toBe(true);
        // Tag feeds give entries a summary; posts and the latest entries carry full content.
        const isTagEntry = url.startsWith("/tags/") && !entry.id.startsWith(`${BASE}/blog/`);
        if (isTagEntry) {
          expect(entry.content, entry.id).toBeUndefined();
          expect(String(entry.summary).length, entry.id).toBeGreaterThan(0);
          continue;
        }
        const html = entry.content["#text"];
        expect(entry.content["@_type"]).toBe("html");
        expect(html.length).toBeGreaterThan(0);
        expect(html).not.toMatch(/(?:href|src)="\/(?!\/)/);
        for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
          const target = localFile(site.outDir, href!);
          if (target) expect(existsSync(target), href).toBe(true);
        }
      }
    }
  });

  it("feeds the post with its full content, and the latest entries newest first", () => {
    const posts = readFeed(site.outDir, "/feed.xml").entry!;
    expect(posts.map((e) => e.title)).toEqual(["armv8 and arm server"]);
    expect(posts[0]!.updated).toBe("2012-11-05T10:37:00+08:00");
    expect(posts[0]!.content["#text"]).toContain("Linaro Enterprise Group");
    expect(posts[0]!.content["#text"]).toContain("AArch64");
    const entries = readFeed(site.outDir, "/entries.xml").entry!;
    const newest = site.data.published.entries.slice(-entries.length).reverse();
    expect(entries.map((e) => e.id)).toEqual(newest.map((e) => `${BASE}${e.url}`));
    const rpc = entries.find((e) => e.id.includes("1459-rpcbind"))!;
    expect(rpc.content["#text"]).toContain("rcrpcbind");
    expect(rpc.category?.map((c) => c["@_term"])).toContain("rpcbind");
  });
});

describe("a hand-written post whose from: names the request", () => {
  let site: BlogSite;
  beforeAll(async () => {
    site = await build("replaced");
  });

  it("takes the generated post's place", () => {
    expect(postDirs(site.outDir)).toEqual(["armv8-and-arm-servers"]);
    const page = readPage(site.outDir, "/blog/armv8-and-arm-servers/");
    expect(toString(find(page, (el) => el.tagName === "h1")!)).toBe("ARMv8 and the ARM server push");
    expect(readFeed(site.outDir, "/feed.xml").entry!.map((e) => e.title)).toEqual(["ARMv8 and the ARM server push"]);
    expect(hrefs(readPage(site.outDir, "/todo/"))).toContain("/blog/armv8-and-arm-servers/");
    expect(hrefs(readPage(site.outDir, site.data.published.byId.get("2012-11-05T10:03")!.url))).toContain("/blog/armv8-and-arm-servers/");
  });

  it("renders its Markdown with GFM and highlights its fenced transcripts, without the raw HTML", () => {
    const html = readFileSync(fileOf(site.outDir, "/blog/armv8-and-arm-servers/"), "utf8");
    expect(html).toContain("<table>");
    expect(html).not.toContain('alert("raw html")');
    const pres = findAll(readPage(site.outDir, "/blog/armv8-and-arm-servers/"), (el) => el.tagName === "pre");
    expect(pres).toHaveLength(2);
    for (const pre of pres) expect(String(pre.properties.className)).toContain("shiki");
    // The token classes are in the renderer's stylesheet the page links.
    const css = readFileSync(fileOf(site.outDir, "/assets/renderer.css"), "utf8");
    for (const name of new Set([...html.matchAll(/dl-t-[\w-]+/g)].map((m) => m[0]))) expect(css).toContain(`.${name}`);
  });

  it("writes valid HTML", async () => {
    expect(await invalid(site)).toEqual([]);
  });
});

describe("drafts", () => {
  it("follow blog.phrases from the site options", async () => {
    const site = await build(undefined, { blog: { phrases: ["discuss with"] } });
    expect(postDirs(site.outDir)).toHaveLength(1);
    expect(postDirs(site.outDir)[0]).toMatch(/^discuss-with-jim-and-chunyan/);
  });

  it("stay out of the build and the feeds; a post without from: is simply a post", async () => {
    const site = await build("drafts");
    expect(postDirs(site.outDir).sort()).toEqual(["armv8-and-arm-server", "rpcbind-and-nfs"]);
    const titles = readFeed(site.outDir, "/feed.xml").entry!.map((e) => e.title);
    expect(titles).toEqual(["When mount.nfs says rpc.statd is not running", "armv8 and arm server"]);
    expect(readFileSync(fileOf(site.outDir, "/blog/"), "utf8")).not.toContain("Half-written");
  });

  it("with blog.generated: draft, keep the generated post out of the build", async () => {
    const site = await build(undefined, { blog: { generated: "draft" } });
    expect(postDirs(site.outDir)).toEqual([]);
    expect(readFeed(site.outDir, "/feed.xml").entry).toBeUndefined();
    expect(toString(find(readPage(site.outDir, "/todo/"), (el) => String(el.properties.className).includes("todo-blog"))!)).toContain("none published yet");
  });

  it("are shown, marked, under the dev server (npm start), and still kept out of the feeds", async () => {
    const site = await build("drafts", {}, "serve");
    expect(postDirs(site.outDir)).toContain("half-written");
    expect(toString(readPage(site.outDir, "/blog/half-written/"))).toContain("Draft");
    expect(readFileSync(fileOf(site.outDir, "/feed.xml"), "utf8")).not.toContain("Half-written");
    expect(await invalid(site)).toEqual([]);
  });
});

describe("hand-written posts with front matter dotlog cannot use", () => {
  it("are still published, and each problem is a `post` warning naming the file for the build report", async () => {
    const site = await build("broken");
    const posts = site.blog.posts.filter((post) => post.origin === "hand");
    expect(posts).toHaveLength(2);
    for (const post of posts) expect(existsSync(fileOf(site.outDir, post.url))).toBe(true);
    expect(toString(readPage(site.outDir, "/blog/notes-on-xen/"))).toContain("libxl__domain_suspend forks a helper");
    expect(toString(readPage(site.outDir, "/blog/unclosed/"))).toContain("still reaches the site");
    const warnings = site.data.timeline.warnings.filter((w) => w.code === "post");
    const byFile = (name: string) => warnings.filter((w) => w.file.endsWith(name)).map((w) => w.message).join("\n");
    expect(byFile("notes-on-xen.md")).toMatch(/date: someday/);
    expect(byFile("notes-on-xen.md")).toMatch(/from: the migration entry/);
    expect(byFile("unclosed.md")).toMatch(/YAML/);
  });
});

describe("the blog index", () => {
  it("lists posts newest first, ten a page, with numbered pages", async () => {
    const posts = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`day-${i + 10}.md`, `---\ntitle: "Day ${i + 10}"\ndate: 2012-12-${i + 10}\n---\nNotes of day ${i + 10}.\n`]),
    );
    const site = await build(undefined, {}, "build", posts);
    const listed = (url: string) =>
      findAll(readPage(site.outDir, url), (el) => String(el.properties.className).includes("entry-item-title")).map((el) => toString(el));
    const first = listed("/blog/");
    const second = listed("/blog/2/");
    expect(first).toHaveLength(10);
    expect(second).toHaveLength(2);
    expect([...first, ...second]).toEqual([...Array.from({ length: 11 }, (_, i) => `Day ${20 - i}`), "armv8 and arm server"]);
    expect(hrefs(readPage(site.outDir, "/blog/"))).toContain("/blog/2/");
    expect(hrefs(readPage(site.outDir, "/blog/2/"))).toContain("/blog/");
  });
});

describe("files beside a hand-written post", () => {
  it("are published in the post's folder, so its images and links work; nothing else of the posts folder is", async () => {
    const site = await build("files");
    const postsDir = path.join(site.contentDir, "posts");
    const page = readPage(site.outDir, "/blog/ring-buffer/");
    const pageDir = path.dirname(fileOf(site.outDir, "/blog/ring-buffer/"));
    const images = findAll(page, (el) => el.tagName === "img").map((el) => String(el.properties.src));
    expect(images).toContain("img/ring.png");
    // Resolved as a browser resolves them against the page, they are the author's files, byte for byte.
    expect(readFileSync(path.join(pageDir, "img/ring.png"))).toEqual(readFileSync(path.join(postsDir, "img/ring.png")));
    expect(hrefs(page)).toContain("fix-ring.patch#L3");
    expect(readFileSync(path.join(pageDir, "fix-ring.patch"), "utf8")).toContain("XENSTORE_RING_SIZE");
    const published = readdirSync(site.outDir, { recursive: true }).map(String);
    for (const name of ["unused.png", "helper.js", "missing.png", "ring-buffer.md"]) {
      expect(published.filter((file) => path.basename(file) === name), name).toEqual([]);
    }
    // The seed log is linked from the post but lies outside the posts folder.
    expect(published.filter((file) => file.endsWith(".txt") && file !== "robots.txt")).toEqual([]);
    const warnings = site.data.timeline.warnings.filter((w) => w.code === "post").map((w) => `${path.basename(w.file)}:${w.line}`);
    expect(warnings).toEqual(["ring-buffer.md:13", "ring-buffer.md:15", "ring-buffer.md:15"]);
    // A feed reader shows the post away from the site: the image's URL is absolute there.
    const item = readFeed(site.outDir, "/feed.xml").entry?.find((entry) => entry.title === "The xenstore ring, drawn");
    expect(item?.content["#text"]).toContain(`src="${BASE}/blog/ring-buffer/img/ring.png"`);
  });
});
