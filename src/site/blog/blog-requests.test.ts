import { beforeAll, describe, expect, it } from "vitest";
import { loadTimeline, parseTimeline } from "../../log/index.ts";
import type { Timeline } from "../../log/types.ts";
import { findBlogRequests } from "./blog-requests.ts";

const SEED = new URL("../../../content/000_76b23a5250f26162.txt", import.meta.url).pathname;
let seed: Timeline;
beforeAll(async () => {
  seed = await loadTimeline([SEED]);
});

const log = (text: string): Timeline => parseTimeline([{ file: "t.log", bytes: new TextEncoder().encode(text) }]);

describe("findBlogRequests", () => {
  it("finds exactly the seed's one request, on item 1-1 of 10:37 2012-11-05, with its two entries in time order", () => {
    const requests = findBlogRequests(seed);
    expect(requests.map((r) => r.id)).toEqual(["2012-11-05T10:37#1-1"]);
    expect(requests[0]!.item?.path).toBe("1-1");
    expect(requests[0]!.sources.map((e) => e.id)).toEqual(["2012-11-05T10:03", "2012-11-05T10:16"]);
  });

  it("ignores TODOs that ask for something else", () => {
    const todos = seed.entries.flatMap((e) => e.todos);
    expect(todos.some((t) => t.text.startsWith("discuss with Jim and Chunyan"))).toBe(true);
    expect(findBlogRequests(seed).every((r) => r.todo.text.includes("blog"))).toBe(true);
  });

  it("takes references from sub-items too, and the whole entry's when the TODO is outside any item", () => {
    const timeline = log(
      [
        ".LOG",
        "9:00 2012-11-05",
        "kernel, arm",
        "booting the board",
        "",
        "10:00 2012-11-05",
        "kernel, arm",
        "the kernel",
        "",
        "11:00 2012-11-05",
        "arm, board bring-up",
        "\\TODO: blog this",
        "1, board bring-up",
        "1), see\"10:00 2012-11-05\"",
        "2), see\"9:00 2012-11-05\"",
        "\\TODO: Write A Blog about the board",
        "",
      ].join("\n"),
    );
    const requests = findBlogRequests(timeline);
    expect(requests.map((r) => r.id)).toEqual(["2012-11-05T11:00", "2012-11-05T11:00#1-2"]);
    expect(requests[0]!.sources.map((e) => e.id)).toEqual(["2012-11-05T09:00", "2012-11-05T10:00"]);
    expect(requests[1]!.sources.map((e) => e.id)).toEqual(["2012-11-05T09:00"]);
  });

  it("makes a request without references about the item itself", () => {
    const timeline = log(".LOG\n9:00 2012-11-05\n1, a trick worth sharing\n\\TODO: write a blog\n");
    const [request] = findBlogRequests(timeline);
    expect(request?.id).toBe("2012-11-05T09:00#1");
    expect(request?.sources).toEqual([]);
  });
});
