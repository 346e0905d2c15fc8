// The build's one highlighter: languages load on first use, identical code is highlighted
// once, colours leave as classes.
import type { ElementContent } from "hast";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { createHighlight } from "./highlight.ts";

const options = { light: "github-light", dark: "github-dark" };

describe("highlight", () => {
  it("loads Shiki only when a block needs it, and serves cached bodies' classes without it", async () => {
    const highlight = await createHighlight(options);
    highlight.addClassStyles([["dl-t-cached", "--shiki-light:#24292e;--shiki-dark:#e1e4e8"]]);
    expect(highlight.classCss()).toBe(".dl-t-cached{--shiki-light:#24292e;--shiki-dark:#e1e4e8}");
    expect(highlight.loadedLanguages()).toEqual([]);
    expect(highlight.stats.calls).toBe(0);
    const highlighted = await highlight.highlight("zypper se rpc", "shellscript");
    const classes = JSON.stringify(highlighted).match(/dl-t-[0-9a-z]+/g) ?? [];
    expect(classes.length).toBeGreaterThan(0);
    // Shiki's classes join the cached ones; each is in the stylesheet once.
    for (const name of new Set(classes)) expect(highlight.classCss().split(`.${name}{`).length).toBe(2);
    expect(highlight.classCss()).toContain(".dl-t-cached{");
    expect([...highlight.classStyles(classes).keys()].sort()).toEqual([...new Set(classes)].sort());
  });

  it("loads a language only when a block needs it", async () => {
    const highlight = await createHighlight(options);
    expect(highlight.loadedLanguages()).toEqual([]);
    await highlight.highlight("[diff]\n    external = git_diff_wrapper", "ini");
    expect(highlight.loadedLanguages()).toContain("ini");
    expect(highlight.loadedLanguages()).not.toContain("shellscript");
  });

  it("highlights identical code once and hands out copies", async () => {
    const highlight = await createHighlight(options);
    const first = await highlight.highlight("zypper se rpc", "shellscript");
    const second = await highlight.highlight("zypper se rpc", "bash");
    expect(highlight.stats).toMatchObject({ calls: 1, cacheHits: 1 });
    expect(second).toEqual(first);
    first!.lines[0]!.length = 0; // a caller changing its copy does not change the cache
    expect((await highlight.highlight("zypper se rpc", "sh"))!.lines[0]!.length).toBeGreaterThan(0);
  });

  it("keeps at most cacheSize blocks, dropping the least recently used", async () => {
    const highlight = await createHighlight({ ...options, cacheSize: 2 });
    await highlight.highlight("ls", "bash");
    await highlight.highlight("pwd", "bash");
    await highlight.highlight("ls", "bash"); // hit: `ls` is now the most recent
    await highlight.highlight("id", "bash"); // drops `pwd`
    await highlight.highlight("ls", "bash"); // still cached
    await highlight.highlight("pwd", "bash"); // highlighted again
    expect(highlight.stats).toMatchObject({ calls: 4, cacheHits: 2 });
  });

  it("gives null for a language dotlog does not highlight, without calling Shiki", async () => {
    const highlight = await createHighlight(options);
    expect(await highlight.highlight("anything", "brainfuck")).toBeNull();
    expect(highlight.stats.calls).toBe(0);
  });

  it("puts colours in classes, never in style attributes", async () => {
    const highlight = await createHighlight(options);
    const result = await highlight.highlight("#!/bin/bash\n# comment\necho \"$HOME\" | grep -v x", "bash");
    const styles: unknown[] = [];
    const tokens: ElementContent[] = result!.lines.flat();
    for (const token of tokens) visit(token, "element", (node) => void (node.properties["style"] !== undefined && styles.push(node.properties["style"])));
    expect(styles).toEqual([]);
    expect(result!.pre["style"]).toBeUndefined();
    expect(highlight.classCss()).toMatch(/\.dl-t-[a-z0-9]+\{--shiki-light:#[0-9A-Fa-f]{3,6};--shiki-dark:#[0-9A-Fa-f]{3,6}/);
  });

  it("shows a very long line whole and untokenised (a pasted megabyte line must not stall a build)", async () => {
    const highlight = await createHighlight(options);
    const line = `echo ${"x".repeat(1_000_000)}`;
    const result = await highlight.highlight(`ls\n${line}`, "bash");
    const text = (node: ElementContent): string => (node.type === "text" ? node.value : node.type === "element" ? node.children.map(text).join("") : "");
    expect(result!.lines[1]!.map(text).join("")).toBe(line);
    expect(result!.lines[1]!.length).toBe(1);
  });
});
