// The gdb grammar on real session lines from the seed (11:17 2012-11-05) and the corpus.
import { createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { beforeAll, describe, expect, it } from "vitest";
import { gdbGrammar } from "./gdb-grammar.ts";

let highlighter: HighlighterCore;

beforeAll(async () => {
  highlighter = await createHighlighterCore({
    themes: [import("shiki/themes/github-light.mjs")],
    langs: [gdbGrammar],
    engine: createJavaScriptRegexEngine(),
  });
});

/** The innermost scope of the token holding `text` on `line` (the session's line index). */
function scopesOf(session: string, line: number, text: string): string[] {
  const { tokens } = highlighter.codeToTokens(session, { lang: "gdb", theme: "github-light", includeExplanation: true });
  const row = tokens[line] ?? [];
  const scopes: string[] = [];
  let at = 0;
  const start = row.map((token) => token.content).join("").indexOf(text);
  expect(start, `"${text}" is on line ${line}`).toBeGreaterThanOrEqual(0);
  for (const token of row) {
    for (const part of token.explanation ?? []) {
      const end = at + part.content.length;
      if (end > start && at < start + text.length) scopes.push(part.scopes.at(-1)!.scopeName);
      at = end;
    }
  }
  return scopes;
}

const SEED = [
  "(gdb) break blk_event ",
  "Breakpoint 1 at 0x479eb0: file /usr/src/debug/xen-4.1.2-testing/tools/ioemu-dir/hw/xen_disk.c, line 778.",
  "(gdb) cont",
  "Continuing.",
  "",
  "Breakpoint 1, blk_event (xendev=0xadd280)",
  "    at /usr/src/debug/xen-4.1.2-testing/tools/ioemu-dir/hw/xen_disk.c:778",
  "778         struct XenBlkDev *blkdev = container_of(xendev, struct XenBlkDev, xendev);",
  "(gdb) p xendev",
  "$1 = (struct XenDevice *) 0xadd280",
  "(gdb) p *xendev",
  `$2 = {type = 0x4f855e "qdisk", dom = 1, dev = 768,`,
  `  name = "qdisk-768", '\\000' <repeats 54 times>, debug = 0,`,
  "  be_state = XenbusStateConnected, fe_state = XenbusStateConnected,",
].join("\n");

describe("gdb grammar", () => {
  it.each([
    [0, "(gdb)", "punctuation.definition.prompt.gdb"],
    [0, "break", "keyword.other.command.gdb"],
    [2, "cont", "keyword.other.command.gdb"],
    [10, "p", "keyword.other.command.gdb"],
    [1, "Breakpoint", "keyword.control.breakpoint.gdb"],
    [1, "0x479eb0", "constant.numeric.hex.gdb"],
    [1, "/usr/src/debug/xen-4.1.2-testing/tools/ioemu-dir/hw/xen_disk.c", "string.unquoted.file.gdb"],
    [1, "778", "constant.numeric.line.gdb"],
    [3, "Continuing", "keyword.control.status.gdb"],
    [5, "blk_event", "entity.name.function.gdb"],
    [6, "778", "constant.numeric.line.gdb"],
    [7, "778", "constant.numeric.line.gdb"],
    [9, "$1", "variable.history.gdb"],
    [9, "struct", "storage.type.gdb"],
    [9, "XenDevice", "entity.name.type.gdb"],
    [11, "$2", "variable.history.gdb"],
    [11, "type", "entity.name.tag.member.gdb"],
    [11, "qdisk", "string.quoted.double.gdb"],
    [11, "768", "constant.numeric.gdb"],
    [12, "'\\000'", "string.quoted.single.gdb"],
    [12, "<repeats 54 times>", "comment.other.repeats.gdb"],
    [13, "fe_state", "entity.name.tag.member.gdb"],
  ])("line %i: %s is %s", (line, text, scope) => {
    expect(scopesOf(SEED, line, text)).toContain(scope);
  });

  it("keeps a multi-line value's colours on its continuation lines", () => {
    expect(scopesOf(SEED, 12, "name")).toContain("entity.name.tag.member.gdb");
    expect(scopesOf(SEED, 12, "qdisk-768")).toContain("string.quoted.double.gdb");
  });

  it("does not colour output words as commands", () => {
    expect(scopesOf(SEED, 3, "Continuing")).not.toContain("keyword.other.command.gdb");
    expect(scopesOf(SEED, 13, "XenbusStateConnected")).not.toContain("keyword.other.command.gdb");
  });

  it("reads a bare `(gdb) ` prompt and a backtrace frame from the 2007 corpus", () => {
    const session = "(gdb) \n(gdb) bt\n#0  0x33f8d4e8 in main () at hello.c:5";
    expect(scopesOf(session, 0, "(gdb)")).toContain("punctuation.definition.prompt.gdb");
    expect(scopesOf(session, 1, "bt")).toContain("keyword.other.command.gdb");
    expect(scopesOf(session, 2, "#0")).toContain("constant.numeric.frame.gdb");
    expect(scopesOf(session, 2, "main")).toContain("entity.name.function.gdb");
    expect(scopesOf(session, 2, "hello.c")).toContain("string.unquoted.file.gdb");
  });

  it("ends an unclosed string at the end of its line", () => {
    const session = `$3 = "abc\n(gdb) p 1`;
    expect(scopesOf(session, 1, "p")).toContain("keyword.other.command.gdb");
  });
});
