import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { seedContent } from "../../test/blog/seed-blog.ts";
import { defaultOptions } from "./options.ts";
import { buildSiteData, type Searchable } from "./site-data.ts";

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("the data stage", () => {
  it("hands search its records before it renders the first body, and they are the site's", async () => {
    const contentDir = await seedContent("replaced");
    dirs.push(contentDir);
    const events: string[] = [];
    let searchable: Searchable | undefined;
    const data = await buildSiteData({
      contentDir,
      options: defaultOptions,
      progress: (phase, done) => events.push(`${phase} ${done}`),
      onSearchable: (given) => {
        events.push("searchable");
        searchable = given;
      },
    });
    expect(events.filter((event) => event === "searchable")).toHaveLength(1);
    expect(events.indexOf("searchable")).toBeGreaterThan(events.indexOf("reading 1"));
    expect(events.indexOf("searchable")).toBeLessThan(events.indexOf("rendering 1"));
    expect(searchable!.published).toBe(data.published);
    // A hand-written post replaces the seed's generated one: search has the post the site shows.
    expect(searchable!.posts).toEqual(data.pages.blog!.search);
    expect(searchable!.posts.map((post) => post.url)).toEqual(data.pages.blog!.posts.filter((post) => !post.draft).map((post) => post.url));
    expect(searchable!.posts.length).toBeGreaterThan(0);
  });

  it("renders each entry once for the entry pages and the posts made of it", async () => {
    const contentDir = await seedContent();
    dirs.push(contentDir);
    const rendered: number[] = [];
    const data = await buildSiteData({ contentDir, options: defaultOptions, progress: (phase, done) => phase === "rendering" && rendered.push(done) });
    // Without a cache folder every render is a miss; a second render of one entry would be a hit.
    expect(data.rendered).toMatchObject({ misses: data.published.entries.length, hits: 0 });
    expect(rendered.at(-1)).toBe(data.published.entries.length);
    // The seed's post is made of two entries rendered before the others, for search: it holds their text.
    const [post] = data.pages.blog!.posts;
    expect(post!.sources.map((source) => source.id)).toEqual(["2012-11-05T10:03", "2012-11-05T10:16"]);
    expect(post!.html).toContain("AArch64");
    expect(data.pages.entries.find((page) => page.id === "2012-11-05T10:03")!.html).toContain("AArch64");
  });
});
