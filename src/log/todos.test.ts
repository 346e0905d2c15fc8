import { describe, expect, it } from "vitest";
import { findTodos } from "./todos.ts";

describe("findTodos", () => {
  it("reads `\\TODO:` and whether it asks for a blog post (seed lines 81 and 161)", () => {
    expect(findTodos([
      { line: 81, text: "\\TODO: write a blog for this. " },
      { line: 161, text: "1), \\TODO: discuss with Jim and Chunyan for xenlight event lock(similar to qemu monitor lock), 在适当的时候." },
    ])).toEqual([
      { text: "write a blog for this.", line: 81, column: 0, blog: true },
      { text: "discuss with Jim and Chunyan for xenlight event lock(similar to qemu monitor lock), 在适当的时候.", line: 161, column: 4, blog: false },
    ]);
  });

  it("reads a TODO without colon, mid-line, and the 2007 `TODO:` with its text on the next line", () => {
    expect(findTodos([{ line: 2717, text: "\\TODO code excise with accept and getsockname. " }])[0]!.text).toBe("code excise with accept and getsockname.");
    expect(findTodos([{ line: 602, text: "like xen top, using campl, i cannot compile it on sles11 sp2. \\TODO: try it later. " }])[0]).toMatchObject({
      text: "try it later.",
      column: 62,
    });
    expect(findTodos([
      { line: 696, text: "TODO:" },
      { line: 697, text: "review other TODO and add program to display preload data in fisco_PTL." },
    ])).toMatchObject([{ line: 696, text: "review other TODO and add program to display preload data in fisco_PTL." }]);
    expect(findTodos([{ line: 280, text: "As u saw in libvirt TODO, there are lots of work." }])).toEqual([]);
  });

  it("matches blog phrases case-insensitively, from a configurable list", () => {
    expect(findTodos([{ line: 1, text: "\\TODO: Blog This later" }])[0]!.blog).toBe(true);
    expect(findTodos([{ line: 1, text: "\\TODO: write a blog for this." }], ["post it"])[0]!.blog).toBe(false);
    expect(findTodos([{ line: 1, text: "\\TODO: post it" }], ["Post It"])[0]!.blog).toBe(true);
  });
});
