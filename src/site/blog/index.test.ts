import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedContent, seedLog } from "../../../test/blog/seed-blog.ts";
import { loadTimeline } from "../../log/index.ts";
import type { LogWarning, Timeline } from "../../log/types.ts";
import { createRenderer, type Renderer } from "../../render/index.ts";
import { defaultOptions, type SiteOptions } from "../options.ts";
import { loadBlog, type BlogPages } from "./index.ts";

let timeline: Timeline;
let renderer: Renderer;
let bodies: Map<string, string>;
const dirs: string[] = [];

beforeAll(async () => {
  timeline = await loadTimeline([seedLog]);
  renderer = await createRenderer();
  bodies = new Map();
  for (const entry of timeline.entries) bodies.set(entry.id, await renderer.renderEntry(entry, timeline));
});
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function blogOf(fixture?: string, options: Partial<SiteOptions> = {}, includeDrafts = false): Promise<BlogPages> {
  const contentDir = await seedContent(fixture);
  dirs.push(contentDir);
  return loadBlog({
    timeline,
    bodies,
    renderer,
    contentDir,
    options: { ...defaultOptions, timeZone: "Asia/Shanghai", baseUrl: "https://log.example.org", ...options },
    includeDrafts,
  });
}

describe("the seed's blog", () => {
  it("has exactly one generated post, titled from the armv8 item and dated by its entry", async () => {
    const blog = await blogOf();
    expect(blog.posts).toHaveLength(1);
    const [post] = blog.posts;
    expect(post).toMatchObject({ title: "armv8 and arm server", url: "/blog/armv8-and-arm-server/", origin: "generated" });
    expect(post!.datetime).toBe("2012-11-05T10:37+08:00");
    expect(post!.requestedIn).toMatchObject({ id: "2012-11-05T10:37", item: "1-1" });
  });

  it("is made of the two referenced entries, in time order, each under a heading linking to it", async () => {
    const [post] = (await blogOf()).posts;
    const sources = ["2012-11-05T10:03", "2012-11-05T10:16"].map((id) => timeline.byId.get(id)!);
    expect(post!.sources.map((s) => s.id)).toEqual(sources.map((s) => s.id));
    expect(post!.html).toContain("Linaro Enterprise Group");
    expect(post!.html).toContain("AArch64");
    const headings = [...post!.html.matchAll(/<h2><a href="([^"]+)">/g)].map((m) => m[1]);
    expect(headings).toEqual(sources.map((s) => s.url));
    expect(post!.html.indexOf("AArch64")).toBeLessThan(post!.html.indexOf("Linaro Enterprise Group"));
    expect(post!.html).toMatch(/compiled from the log/);
  });

  it("carries the union of its sources' tags", async () => {
    const [post] = (await blogOf()).posts;
    const expected = new Set(["2012-11-05T10:03", "2012-11-05T10:16"].flatMap((id) => timeline.byId.get(id)!.tags.map((t) => t.toLowerCase())));
    expect(new Set(post!.tags.map((t) => t.name.toLowerCase()))).toEqual(expected);
    expect(post!.tags.every((t) => t.url === `/tags/${timeline.tags.get(t.name.toLowerCase())!.slug}/`)).toBe(true);
  });

  it("links each source entry and the requesting entry to the post", async () => {
    const blog = await blogOf();
    for (const id of ["2012-11-05T10:03", "2012-11-05T10:16", "2012-11-05T10:37"]) {
      expect(blog.fromEntry[id]?.map((p) => p.url)).toEqual(["/blog/armv8-and-arm-server/"]);
    }
    expect(blog.fromEntry["2012-11-06T16:52"]).toBeUndefined();
  });

  it("lists every TODO newest first; only the blog request has a post", async () => {
    const { todos } = await blogOf();
    expect(todos.map((t) => [t.entry.id, t.item?.path, t.blog, t.post?.url ?? null])).toEqual([
      ["2012-11-06T16:52", "2-1", false, null],
      ["2012-11-05T10:37", "1-1", true, "/blog/armv8-and-arm-server/"],
    ]);
    expect(todos[0]!.text).toMatch(/^discuss with Jim and Chunyan/);
  });

  it("keeps generated posts out of the build with blog.generated: draft, and shows them to the dev server", async () => {
    const options = { blog: { ...defaultOptions.blog, generated: "draft" as const } };
    const built = await blogOf(undefined, options);
    expect(built.posts).toEqual([]);
    expect(built.todos.find((t) => t.blog)?.post).toBeNull();
    expect(built.feeds.find((f) => f.path === "/feed.xml")?.items).toEqual([]);
    const served = await blogOf(undefined, options, true);
    expect(served.posts.map((p) => [p.title, p.draft])).toEqual([["armv8 and arm server", true]]);
    expect(served.feeds.find((f) => f.path === "/feed.xml")?.items).toEqual([]);
    expect(served.search).toEqual([]);
  });
});

describe("hand-written posts", () => {
  it("replace the generated post of the request their `from:` names", async () => {
    const blog = await blogOf("replaced");
    expect(blog.posts.map((p) => [p.title, p.origin])).toEqual([["ARMv8 and the ARM server push", "hand"]]);
    const [post] = blog.posts;
    expect(post!.date).toBe("2012-11-20");
    expect(post!.sources.map((s) => s.id)).toEqual(["2012-11-05T10:03", "2012-11-05T10:16"]);
    expect(blog.todos.find((t) => t.blog)?.post?.url).toBe(post!.url);
    // `blogging` is no tag of the log: shown, but not linked to a page that does not exist.
    expect(post!.tags.find((t) => t.name === "blogging")?.url).toBeNull();
    expect(post!.tags.find((t) => t.name === "arm Server")?.url).toBe("/tags/arm-server/");
    expect(blog.byTag["arm server"]?.map((p) => p.url)).toEqual([post!.url]);
  });

  it("are left out as drafts, except under the dev server; a post without `from:` is simply a post", async () => {
    const built = await blogOf("drafts");
    expect(built.posts.map((p) => p.title).sort()).toEqual(["When mount.nfs says rpc.statd is not running", "armv8 and arm server"]);
    const served = await blogOf("drafts", {}, true);
    expect(served.posts.map((p) => [p.title, p.draft])).toContainEqual(["Half-written: libxl event locks", true]);
    expect(served.feeds.flatMap((f) => f.items).some((i) => i.title.startsWith("Half-written"))).toBe(false);
    expect(served.search.some((d) => d.title.startsWith("Half-written"))).toBe(false);
  });

  it("shows newest first on /blog/", async () => {
    const built = await blogOf("drafts");
    expect(built.chunks).toHaveLength(1);
    expect(built.chunks[0]!.posts.map((p) => p.date)).toEqual(["2012-11-09", "2012-11-05"]);
  });
});

describe("feeds", () => {
  it("have absolute URLs, zoned dates and full content", async () => {
    const blog = await blogOf();
    const posts = blog.feeds.find((f) => f.path === "/feed.xml")!;
    expect(posts.items.map((i) => i.url)).toEqual(["https://log.example.org/blog/armv8-and-arm-server/"]);
    expect(posts.items[0]!.updated).toBe("2012-11-05T10:37:00+08:00");
    expect(posts.items[0]!.html).toContain('href="https://log.example.org/2012/11/05/1003-cortex-a57/"');
    expect(posts.items[0]!.html).not.toMatch(/(href|src)="\//);
    const entries = blog.feeds.find((f) => f.path === "/entries.xml")!;
    expect(entries.items[0]!.url).toBe(`https://log.example.org${timeline.entries.at(-1)!.url}`);
    const arm = blog.feeds.find((f) => f.path === "/tags/arm-server/feed.xml")!;
    expect(arm.items.map((i) => i.title)).toEqual(["armv8 and arm server", "arm Server"]);
  });
});

describe("requests in unpublished entries", () => {
  it("still make a post from the public entries they point at, without naming where they were asked", async () => {
    const { publishTimeline } = await import("../privacy/index.ts");
    const published = publishTimeline(timeline, { exclude: { tags: ["GTD"], entries: [] }, include: null });
    const contentDir = await seedContent();
    dirs.push(contentDir);
    const blog = await loadBlog({
      timeline: published.timeline,
      bodies,
      renderer,
      contentDir,
      options: defaultOptions,
      includeDrafts: false,
      privateRequests: published.privateBlogRequests,
    });
    expect(blog.posts.map((p) => p.title)).toEqual(["armv8 and arm server"]);
    const [post] = blog.posts;
    expect(post!.requestedIn).toBeNull();
    // Dated by its material, not by the unpublished plan that asked for it.
    expect(post!.date).toBe("2012-11-05");
    expect(post!.time).toBe("10:16");
    expect(post!.html).not.toContain("/2012/11/05/1037");
    expect(post!.html).toContain("AArch64");
    expect(blog.todos).toEqual([expect.objectContaining({ blog: false })]);
  });
});

describe("configured phrases and requests that point at nothing", () => {
  it("make a post of the requesting item itself, and nothing of the rest of its entry", async () => {
    const discuss = await loadTimeline([seedLog], { blogPhrases: ["discuss with"] });
    const contentDir = await seedContent();
    dirs.push(contentDir);
    const blog = await loadBlog({ timeline: discuss, bodies: new Map(), renderer, contentDir, options: defaultOptions, includeDrafts: false });
    expect(blog.posts).toHaveLength(1);
    const [post] = blog.posts;
    expect(post!.title).toMatch(/^discuss with Jim and Chunyan for xenlight event lock/);
    expect(post!.sources.map((s) => s.id)).toEqual(["2012-11-06T16:52"]);
    expect(post!.requestedIn).toMatchObject({ id: "2012-11-06T16:52", item: "2-1" });
    expect(post!.html).toContain("qemu monitor lock");
    // Item 1 and the sibling item 2-2 of the same entry are not part of the post.
    expect(post!.html).not.toContain("现在的关键就是");
    expect(post!.html).not.toContain("libxl__domain_suspend");
  });

  it("make that post of the item alone when the site has rendered the whole entry already", async () => {
    const discuss = await loadTimeline([seedLog], { blogPhrases: ["discuss with"] });
    const contentDir = await seedContent();
    dirs.push(contentDir);
    const whole = new Map<string, string>();
    for (const entry of discuss.entries) whole.set(entry.id, await renderer.renderEntry(entry, discuss));
    expect(whole.get("2012-11-06T16:52")).toContain("libxl__domain_suspend");
    const blog = await loadBlog({ timeline: discuss, bodies: whole, renderer, contentDir, options: defaultOptions, includeDrafts: false });
    const [post] = blog.posts;
    expect(post!.html).toContain("qemu monitor lock");
    expect(post!.html).not.toContain("现在的关键就是");
    expect(post!.html).not.toContain("libxl__domain_suspend");
  });
});

describe("from: in front matter", () => {
  async function blogWith(posts: Record<string, string>): Promise<BlogPages> {
    const { mkdir, writeFile } = await import("node:fs/promises");
    const contentDir = await seedContent();
    dirs.push(contentDir);
    await mkdir(join(contentDir, "posts"));
    for (const [name, text] of Object.entries(posts)) await writeFile(join(contentDir, "posts", name), text);
    return loadBlog({ timeline, bodies, renderer, contentDir, options: defaultOptions, includeDrafts: false });
  }

  it("may name only the entry when it holds one request", async () => {
    const blog = await blogWith({ "a.md": '---\ntitle: A\ndate: 2012-11-20\nfrom: "10:37 2012-11-05"\n---\nA.\n' });
    expect(blog.posts.map((p) => p.title)).toEqual(["A"]);
    expect(blog.warnings).toEqual([]);
  });

  it("never lets a post take the URL of a page of /blog/", async () => {
    const blog = await blogWith({ "2.md": "---\ntitle: Two\ndate: 2012-11-20\n---\nTwo.\n" });
    expect(blog.posts.map((p) => p.url)).toContain("/blog/post-2/");
  });

  it("warns when two posts answer one request, and when from: names an entry without a request", async () => {
    const blog = await blogWith({
      "a.md": '---\ntitle: A\ndate: 2012-11-20\nfrom: "2012-11-05T10:37#1-1"\n---\nA.\n',
      "b.md": '---\ntitle: B\ndate: 2012-11-21\nfrom: "2012-11-05T10:37#1-1"\n---\nB.\n',
      "c.md": '---\ntitle: C\ndate: 2012-11-22\nfrom: "2012-11-07T14:59"\n---\nC.\n',
    });
    expect(blog.posts.map((p) => p.title)).toEqual(["C", "B", "A"]);
    expect(blog.warnings.map((w) => `${w.file.split("/").at(-1)} ${w.message}`)).toEqual([
      expect.stringMatching(/^c\.md `from: 2012-11-07T14:59` is not a blog request/),
      expect.stringMatching(/^b\.md another post already answers/),
    ]);
    // The entry it names still links to the post made from it.
    expect(blog.fromEntry["2012-11-07T14:59"]?.map((p) => p.title)).toEqual(["C"]);
  });
});

describe("a request whose material is all unpublished", () => {
  it("makes no post, and says so with the TODO's file and line", async () => {
    const { publishTimeline } = await import("../privacy/index.ts");
    // `arm` takes 10:03 2012-11-05 away, `community` 10:16: the seed's request keeps no material.
    const published = publishTimeline(timeline, { exclude: { tags: ["arm", "community"], entries: [] }, include: null });
    const contentDir = await seedContent();
    dirs.push(contentDir);
    const warnings: LogWarning[] = [];
    const blog = await loadBlog({ timeline: published.timeline, bodies, renderer, contentDir, options: defaultOptions, includeDrafts: false, warnings });
    expect(blog.posts).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ file: seedLog, line: 81, code: "post" })]);
  });
});

describe("/todo/ links", () => {
  it("point at the TODO's own anchor only where the rendered entry has one", async () => {
    const { parseTimeline } = await import("../../log/index.ts");
    // From log2013.txt: a `\TODO:` line over its text is no header, so it is the body's; a
    // `<TODO>…</TODO>` in a header is not in the body, and its row links to the entry.
    const log = [
      ".LOG", "11:11 2013-09-11", "\\TODO:", "1, apple 5S: 64bit application.", "",
      "12:00 2013-09-11", "xen", "1, read the code", "\\TODO: try it later.", "",
      "13:00 2013-09-11", "arm, <TODO>read the manual</TODO>, cortex", "text", "",
    ].join("\n");
    const small = parseTimeline([{ file: "t.log", bytes: new TextEncoder().encode(log) }]);
    const rendered = new Map<string, string>();
    for (const entry of small.entries) rendered.set(entry.id, await renderer.renderEntry(entry, small));
    const contentDir = await seedContent();
    dirs.push(contentDir);
    const blog = await loadBlog({ timeline: small, bodies: rendered, renderer, contentDir, options: defaultOptions, includeDrafts: false });
    const [header, body, label] = blog.todos;
    expect(header).toMatchObject({ text: "read the manual", url: small.entries[2]!.url });
    expect(body!.url).toBe(`${small.entries[1]!.url}#todo-9`);
    expect(rendered.get(small.entries[1]!.id)).toContain('id="todo-9"');
    expect(label!.url).toBe(`${small.entries[0]!.url}#todo-3`);
  });
});
