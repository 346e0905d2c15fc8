// Literal blocks on real lines of the corpus (test/fixtures/corpus, GPL-2.0, see SOURCES.md).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findBlocks } from "./blocks.ts";
import type { SourceLine } from "./types.ts";

const cache = new Map<string, string[]>();
/** Lines `from`..`to` (1-based, inclusive) of a corpus file, as an entry's body gives them. */
function corpus(name: string, from: number, to: number): SourceLine[] {
  if (!cache.has(name)) {
    const text = readFileSync(new URL(`../../test/fixtures/corpus/${name}`, import.meta.url), "utf8");
    cache.set(name, text.replace(/^\uFEFF/, "").split(/\r?\n/));
  }
  return cache.get(name)!.slice(from - 1, to).map((text, index) => ({ line: from + index, text }));
}

const spans = (lines: SourceLine[]) => findBlocks(lines).map((block) => [block.kind, block.line, block.endLine]);

describe("transcripts", () => {
  it("run through output and end before prose after a blank line (log201204novell.txt 10–40)", () => {
    const [block] = findBlocks(corpus("log201204novell.txt", 10, 40));
    expect(block).toMatchObject({ kind: "shell", lang: "shellsession", promptStyle: "suse-user", line: 13, endLine: 33 });
    expect(block!.steps!.map((step) => [step.prompt, step.command, step.line])).toEqual([
      ["bamvor@linux-bvirt:libxml2-2.7.6> ", "autoreconf --force --install", 13],
      ["bamvor@linux-bvirt:libxml2-2.7.6> ", "libtoolize --automake --force", 32],
      ["bamvor@linux-bvirt:libxml2-2.7.6> ", "automake --force --add-missing", 33],
    ]);
    expect(block!.steps![0]!.output.split("\n")).toHaveLength(18);
    expect(block!.steps![0]!.output).toContain("autoheader: \t\t[Define if a function `main' is needed.])");
  });

  it("start after an outline marker and keep the marker out of the text (log201204novell.txt 626–633)", () => {
    const lines = corpus("log201204novell.txt", 626, 633);
    const [block] = findBlocks(lines);
    expect(block).toMatchObject({ line: 626, endLine: 633, column: 4 });
    expect(block!.text.split("\n")[0]).toBe("bamvor@linux-bvirt:~> ps aux -eL | grep xen");
    expect(block!.steps![0]!.command).toBe("ps aux -eL | grep xen");
  });

  it("read `> ` as a prompt where output follows, inside an insertion (log201204novell.txt 63–72)", () => {
    const [block] = findBlocks(corpus("log201204novell.txt", 63, 73));
    expect(block).toMatchObject({ kind: "shell", promptStyle: "angle", line: 65, endLine: 71 });
    expect(block!.steps).toEqual([
      { prompt: "> ", command: "osc up", output: corpus("log201204novell.txt", 66, 71).map((line) => line.text).join("\n"), line: 65 },
    ]);
  });

  it("leave a quoted mail alone (log201204novell.txt 186–218)", () => {
    expect(spans(corpus("log201204novell.txt", 186, 218))).toEqual([]);
  });

  it("read bare `(gdb) ` lines and end at a Chinese comment right after the output (log200708.txt 154–172)", () => {
    const [block] = findBlocks(corpus("log200708.txt", 154, 172));
    expect(block).toMatchObject({ kind: "gdb", line: 156, endLine: 169 });
    expect(block!.steps!.map((step) => step.command)).toEqual(["p start", "step", "", "", "", "", "p arg"]);
    expect(block!.steps![2]).toEqual({ prompt: "(gdb) ", command: "", output: "241                 if ( !new_start ) {", line: 160 });
  });

  it("keep short localized output but end at the author's Chinese sentence (log200708.txt 309–327)", () => {
    const [block] = findBlocks(corpus("log200708.txt", 309, 327));
    expect(block).toMatchObject({ kind: "shell", promptStyle: "bracket-dollar", line: 311, endLine: 321 });
    expect(block!.steps!.map((step) => [step.prompt, step.command, step.output.split("\n").length])).toEqual([
      ["[bamv26@localhost fisco]$ ", "./MTL_tools-2_x86_0727 ", 2],
      ["[bamv26@localhost fisco]$ ", "su", 1],
      ["[root@localhost fisco]# ", "./MTL_tools-2_x86_0727 ", 5],
    ]);
  });

  it("keep a program's banner and a nested REPL in one session (log201204novell.txt 756–782)", () => {
    const [block] = findBlocks(corpus("log201204novell.txt", 756, 782));
    expect(block).toMatchObject({ kind: "shell", line: 756, endLine: 780 });
    expect(block!.steps!.map((step) => step.command)).toEqual([
      "opcontrol --dump", "opcontrol --start", "virsh ", "list", "quit", "opcontrol --stop", "opcontrol --shutdown", "",
    ]);
    expect(block!.steps![3]!.prompt).toBe("virsh # ");
  });

  it("end at a Chinese sentence that names code (log200708.txt 1281–1290)", () => {
    expect(spans(corpus("log200708.txt", 1281, 1290))).toEqual([["shell", 1282, 1287]]);
  });

  it("read a `sqlite> ` session started from a `> ` shell line (log2013.txt 1239–1252)", () => {
    const [block] = findBlocks(corpus("log2013.txt", 1239, 1252));
    expect(block).toMatchObject({ kind: "shell", line: 1240, endLine: 1250 });
    expect(block!.steps!.map((step) => [step.prompt, step.command])).toEqual([
      ["> ", "sqlite3 ting.db"],
      ["sqlite> ", ".tables"],
      ["sqlite> ", "select * from t_download;"],
    ]);
  });

  it("read a bare `# ` root prompt where its output follows (log2013.txt 1221–1238)", () => {
    expect(findBlocks(corpus("log2013.txt", 1221, 1238)).map((block) => [block.promptStyle, block.line, block.endLine])).toEqual([
      ["hash", 1224, 1236],
    ]);
  });

  it("keep runs of several commands whose output has blank lines (log2013.txt 168–204)", () => {
    expect(spans(corpus("log2013.txt", 168, 204))).toEqual([
      ["shell", 169, 182],
      ["shell", 185, 200],
      ["shell", 203, 204],
    ]);
  });
});

describe("code, scripts and call graphs", () => {
  it("find C functions with their heads (log200708.txt 415–451)", () => {
    const blocks = findBlocks(corpus("log200708.txt", 415, 451));
    expect(blocks.map((block) => [block.kind, block.lang, block.line, block.endLine])).toEqual([
      ["preformatted", "c", 419, 432],
      ["preformatted", "c", 434, 441],
      ["preformatted", "c", 443, 450],
    ]);
    expect(blocks[0]!.text).toBe(corpus("log200708.txt", 419, 432).map((line) => line.text).join("\n"));
  });

  it("read a script from its #! line (log200708.txt 546–579)", () => {
    expect(findBlocks(corpus("log200708.txt", 546, 579)).map((block) => [block.kind, block.lang, block.line, block.endLine])).toEqual([
      ["script", "perl", 551, 578],
    ]);
  });

  it("keep a standalone script whole across the blank line after #! (seed lines 38–42, log2013.txt 814)", () => {
    const seed = readFileSync(new URL("../../content/000_76b23a5250f26162.txt", import.meta.url), "utf8").split("\n");
    // The seed's script without the prompt that printed it, and a real shell loop in its place.
    const [shebang, blank, command, , prose] = seed.slice(37, 42);
    const loop = corpus("log2013.txt", 814, 814)[0]!.text;
    const lines = [shebang!, blank!, command!, blank!, prose!].map((text, index) => ({ line: 1 + index, text }));
    expect(findBlocks(lines).map((block) => [block.kind, block.lang, block.line, block.endLine, block.text])).toEqual([
      ["script", "bash", 1, 3, `#!/bin/bash\n\n${command}`],
    ]);
    // Comments and loops read like prose; in a script they are script.
    const wordy = [shebang!, "", "# link every tool into place", loop, "", prose!].map((text, index) => ({ line: 1 + index, text }));
    expect(spans(wordy)).toEqual([["script", 1, 4]]);
  });

  it("keep a pasted backtrace whole (log201204novell.txt 878–905)", () => {
    const [block] = findBlocks(corpus("log201204novell.txt", 878, 905));
    expect(block).toMatchObject({ kind: "preformatted", line: 880 });
    expect(block!.endLine).toBeGreaterThanOrEqual(896);
  });

  it("keep an aligned call graph and end it at an insertion stamp (log201204novell.txt 1976–1991)", () => {
    expect(spans(corpus("log201204novell.txt", 1976, 1991))).toEqual([
      ["preformatted", 1978, 1983],
      ["preformatted", 1985, 1986],
    ]);
  });

  it("leave indented prose, signatures and bullet lists as text", () => {
    expect(spans(corpus("log201204novell.txt", 1616, 1624))).toEqual([]);
    expect(spans(corpus("log201204novell.txt", 636, 642))).toEqual([]);
    expect(spans(corpus("log201204novell.txt", 176, 183))).toEqual([]);
    expect(spans(corpus("log2013.txt", 653, 660))).toEqual([]);
  });

  it("read a git patch as a diff (log2013.txt 1068–1155)", () => {
    const blocks = findBlocks(corpus("log2013.txt", 1068, 1155));
    expect(blocks.map((block) => [block.kind, block.lang, block.line, block.endLine])).toEqual([["preformatted", "diff", 1070, 1153]]);
  });

  it("keep a whole aligned table (log2013.txt 107–116)", () => {
    expect(spans(corpus("log2013.txt", 107, 116))).toEqual([["preformatted", 111, 114]]);
  });

  it("read two config sections (log201204novell.txt 1342–1353)", () => {
    const blocks = findBlocks(corpus("log201204novell.txt", 1342, 1353));
    expect(blocks.map((block) => [block.kind, block.lang])).toEqual([["config", "ini"], ["config", "ini"]]);
    expect(blocks[0]!.text.startsWith("[https://api.suse.de]")).toBe(true);
  });
});
