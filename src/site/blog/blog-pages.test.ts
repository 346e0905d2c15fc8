import { describe, expect, it } from "vitest";
import { blogChunks, type PostPage } from "./blog-pages.ts";

const page = (n: number): PostPage => ({
  url: `/blog/p${n}/`,
  slug: `p${n}`,
  title: `post ${n}`,
  date: `2012-11-${String(30 - n).padStart(2, "0")}`,
  time: "10:00",
  datetime: "",
  html: "",
  summary: "",
  tags: [],
  sources: [],
  requestedIn: null,
  origin: "hand",
  draft: false,
  prev: null,
  next: null,
});

describe("blogChunks", () => {
  it("splits the posts into pages at /blog/, /blog/2/, … keeping their order", () => {
    const posts = Array.from({ length: 23 }, (_, i) => page(i));
    const chunks = blogChunks(posts, 10);
    expect(chunks.map((c) => [c.url, c.posts.length, c.pageNumber, c.pageCount])).toEqual([
      ["/blog/", 10, 1, 3],
      ["/blog/2/", 10, 2, 3],
      ["/blog/3/", 3, 3, 3],
    ]);
    expect(chunks.flatMap((c) => c.posts)).toEqual(posts);
    expect(chunks[2]!.pages.map((p) => p.url)).toEqual(["/blog/", "/blog/2/", "/blog/3/"]);
  });

  it("still makes /blog/ when there is no post", () => {
    expect(blogChunks([], 10)).toEqual([{ pageNumber: 1, pageCount: 1, url: "/blog/", posts: [], pages: [{ number: 1, url: "/blog/" }] }]);
  });
});
