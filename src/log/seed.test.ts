// The acceptance test of issue 2 on the seed log: titles, tags and series as the table of
// log-format.md, references resolved, the blog TODO, and exactly the blocks of its table.

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTimeline } from "./index.ts";
import type { Block, Entry, Timeline } from "./types.ts";

const SEED = new URL("../../content/000_76b23a5250f26162.txt", import.meta.url).pathname;
const fileLines = readFileSync(SEED, "utf8").split("\n");
/** File lines `from`..`to` (1-based, inclusive), joined as a block's text is. */
const linesOf = (from: number, to: number) => fileLines.slice(from - 1, to).join("\n");

let timeline: Timeline;
beforeAll(async () => {
  timeline = await loadTimeline([SEED]);
});

function entry(stamp: string): Entry {
  const [time, date] = stamp.split(" ") as [string, string];
  const [hour, minute] = time.split(":");
  const id = `${date}T${hour!.padStart(2, "0")}:${minute}`;
  const found = timeline.byId.get(id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
}

const HEADERS: [string[], string, string[], [string, number] | null][] = [
  [["14:32 2012-11-01", "17:43 2012-11-02", "10:37 2012-11-05", "16:16 2012-11-06", "12:52 2012-11-07"], "GTD", ["GTD"], null],
  [["16:38 2012-11-01"], "domainInterfaceStats", ["virtualization", "libvirt", "xenlight", "add libxl api", "domainInterfaceStats"], ["add libxl api", 1]],
  [["8:02 2012-11-02"], "regular meeting: US / China Virtualization Sync", ["company", "virtualization", "suse", "xen", "meeting"], null],
  [["17:07 2012-11-02"], "external diff", ["software skill", "SCM", "git", "external diff"], null],
  [["10:03 2012-11-05"], "Cortex-A57", ["arm", "armv8", "Cortex-A50", "Cortex-A53", "Cortex-A57"], null],
  [["10:16 2012-11-05"], "arm Server", ["community", "linaro", "arm Server"], null],
  [["11:17 2012-11-05"], "domainBlockStats", ["virtualization", "libvirt", "xenlight", "add libxl api", "domainBlockStats"], ["add libxl api", 2]],
  [["17:36 2012-11-05"], "work report - week 44", [], null],
  [["16:52 2012-11-06"], "read migration(domain suspend) in xen upstream", ["virtualization", "libvirt", "xen", "libxl"], null],
  [["13:01 2012-11-07"], "localization", ["virtualization", "libvirt", "1.0.0 release", "localization"], null],
  [["14:07 2012-11-07"], "cubie board", ["arm", "board", "allwinner A10", "cubie board"], null],
  [["14:59 2012-11-07"], "rpcbind", ["software skill", "mount", "network", "nfs", "rpc", "rpcbind"], null],
  [["15:16 2012-11-07"], "domainMemoryPeek: not support in xenlight", [], null],
  [["18:17 2012-11-07"], "virsh attach-disk sles11_hvm_10 /dev/sdb1 sda", [], null],
];

describe("the seed log", () => {
  it("has 18 entries", () => {
    expect(timeline.entries).toHaveLength(18);
    expect(HEADERS.flatMap(([stamps]) => stamps)).toHaveLength(18);
  });

  it.each(HEADERS)("reads the header of %s", (stamps, title, tags, series) => {
    for (const stamp of stamps) {
      const read = entry(stamp);
      expect(read.title).toBe(title);
      expect(read.tags).toEqual(tags);
      expect(read.series).toEqual(series && { name: series[0], part: series[1] });
    }
  });

  it("resolves every reference to the right entry and item, except the two older ones", () => {
    const all = timeline.entries.flatMap((from) => from.references.map((ref) => ({ from: from.id, ...ref })));
    expect(all.map(({ from, fromItem, line, target, item, resolved }) => ({ from, fromItem, line, target, item, resolved }))).toEqual([
      { from: "2012-11-01T14:32", fromItem: "1-1", line: 7, target: "2012-10-29T11:31", item: null, resolved: null },
      { from: "2012-11-01T14:32", fromItem: "1-2", line: 8, target: "2012-11-01T16:38", item: null, resolved: "2012-11-01T16:38" },
      { from: "2012-11-05T10:37", fromItem: "1-1", line: 80, target: "2012-11-05T10:03", item: null, resolved: "2012-11-05T10:03" },
      { from: "2012-11-05T10:37", fromItem: "1-1", line: 80, target: "2012-11-05T10:16", item: null, resolved: "2012-11-05T10:16" },
      { from: "2012-11-05T10:37", fromItem: "1-2", line: 82, target: "2012-11-05T11:17", item: null, resolved: "2012-11-05T11:17" },
      { from: "2012-11-05T10:37", fromItem: "1-3", line: 83, target: "2012-11-05T17:36", item: null, resolved: "2012-11-05T17:36" },
      { from: "2012-11-06T16:16", fromItem: "1-2", line: 151, target: "2012-11-06T16:52", item: null, resolved: "2012-11-06T16:52" },
      { from: "2012-11-07T12:52", fromItem: "1-1", line: 186, target: "2012-11-07T15:16", item: null, resolved: "2012-11-07T15:16" },
      { from: "2012-11-07T12:52", fromItem: "2-3", line: 189, target: "2012-10-30T10:41", item: "2", resolved: null },
      { from: "2012-11-07T12:52", fromItem: "3-1", line: 192, target: "2012-11-06T16:52", item: "2-1", resolved: "2012-11-06T16:52" },
    ]);
    // The item a reference names exists in its target.
    expect(entry("16:52 2012-11-06").items).toContain("2-1");
    const unresolved = timeline.warnings.filter((warning) => warning.code === "unresolved-ref").map((warning) => warning.line);
    expect(unresolved).toEqual([7, 189]);
  });

  it("gives each reference the exact span of its quoted stamp and item path", () => {
    const ref = entry("12:52 2012-11-07").references[2];
    const text = fileLines[ref!.line - 1]!;
    expect(text.slice(ref!.column, ref!.column + ref!.length)).toBe(`"16:52 2012-11-06"2-1)`);
  });

  it("attaches the blog TODO to item 1-1 of 10:37 2012-11-05, which points at 10:03 and 10:16", () => {
    const plan = entry("10:37 2012-11-05");
    expect(plan.todos).toEqual([{ text: "write a blog for this.", line: 81, item: "1-1", blog: true }]);
    const fromItem = plan.references.filter((ref) => ref.fromItem === "1-1").map((ref) => ref.resolved);
    expect(fromItem).toEqual(["2012-11-05T10:03", "2012-11-05T10:16"]);
    expect(entry("16:52 2012-11-06").todos).toMatchObject([{ item: "2-1", blog: false, line: 161 }]);
  });

  it("reads the in-item time and no insertion", () => {
    expect(entry("16:38 2012-11-01").times).toEqual([{ at: "2012-11-02T15:33", line: 19, column: 3, length: 18 }]);
    expect(timeline.entries.flatMap((read) => read.insertions)).toEqual([]);
  });

  it("reads the plans' hours and time spent", () => {
    expect(entry("10:37 2012-11-05").plan).toEqual({
      worked: [{ start: "9:40", end: "11:44" }, { start: "13:51", end: "18:18" }],
      items: [
        { item: "1-1", minutes: 40, ranges: [] },
        { item: "1-2", minutes: 10, ranges: [{ start: "14:25", end: "17:00" }] },
        { item: "1-3", minutes: 20, ranges: [] },
      ],
      workedMinutes: 124 + 267,
      spentMinutes: 70,
    });
    expect(entry("16:16 2012-11-06").plan?.worked).toEqual([{ start: "16:00", end: "18:50" }, { start: "20:35", end: null }]);
    expect(entry("14:32 2012-11-01").plan?.items.map((item) => item.ranges)).toEqual([
      [{ start: "15:06", end: "16:37" }],
      [{ start: null, end: "18:16" }],
    ]);
  });

  it("names item 2-3 by the author's own numbers", () => {
    expect(entry("12:52 2012-11-07").items).toEqual(["0", "1", "1-1", "2", "2-3", "3", "3-1", "4", "4-1", "4-1-1", "4-1-2", "4-2"]);
  });
});

// The table of log-format.md, "Transcripts and other literal blocks".
const BLOCKS: [string, Block["kind"], number, number][] = [
  ["16:38 2012-11-01", "shell", 15, 18],
  ["17:07 2012-11-02", "config", 34, 35],
  ["17:07 2012-11-02", "shell", 37, 40],
  ["11:17 2012-11-05", "gdb", 98, 117],
  ["16:52 2012-11-06", "preformatted", 164, 178],
  ["14:59 2012-11-07", "shell", 214, 221],
  ["14:59 2012-11-07", "shell", 223, 272],
  ["14:59 2012-11-07", "shell", 274, 275],
  ["18:17 2012-11-07", "shell", 282, 289],
];

describe("the seed's literal blocks", () => {
  it("are exactly those of the table", () => {
    const found = timeline.entries.flatMap((read) =>
      read.blocks.map((block) => [`${read.time.hour}:${String(read.time.minute).padStart(2, "0")} ${read.timestamp.slice(0, 10)}`, block.kind, block.line, block.endLine]),
    );
    expect(found).toEqual(BLOCKS);
  });

  it("keep their exact text, the first line from after an outline marker", () => {
    for (const [stamp, , line, endLine] of BLOCKS) {
      const block = entry(stamp).blocks.find((candidate) => candidate.line === line)!;
      const expected = linesOf(line, endLine);
      expect(block.text).toBe(line === 37 ? expected.slice("2, ".length) : expected);
      expect(block.column).toBe(line === 37 ? 3 : 0);
    }
  });

  it("split the rpcbind session into prompt, command and output", () => {
    const block = entry("14:59 2012-11-07").blocks[1]!;
    const prompt = "linux-iwgo:/home/suse # ";
    expect(block.promptStyle).toBe("suse-root");
    expect(block.steps).toEqual([
      { prompt, command: "zypper se rpc", output: linesOf(224, 242), line: 223 },
      { prompt, command: "rcrpcbind status", output: linesOf(244, 249), line: 243 },
      { prompt, command: "rcrpcbind restart", output: linesOf(251, 251), line: 250 },
      { prompt, command: "rcrpcbind status", output: linesOf(253, 262), line: 252 },
      { prompt, command: "mount.nfs 147.2.207.77:/home/bamvor/sda3/home sda3/home/ -v", output: linesOf(264, 272), line: 263 },
    ]);
  });

  it("split every other transcript exactly", () => {
    const root = "linux-vm4:/etc/xen/vm # ";
    expect(entry("16:38 2012-11-01").blocks[0]!.steps).toEqual([
      { prompt: root, command: "virsh domiflist 6", output: linesOf(16, 18), line: 15 },
    ]);
    expect(entry("17:07 2012-11-02").blocks[1]).toMatchObject({
      promptStyle: "suse-user",
      steps: [{ prompt: "bamvor@linux-bjrd:~> ", command: "cat bin/git_diff_wrapper", output: linesOf(38, 40), line: 37 }],
    });
    expect(entry("11:17 2012-11-05").blocks[0]!.steps).toEqual([
      { prompt: "(gdb) ", command: "break blk_event ", output: linesOf(99, 99), line: 98 },
      { prompt: "(gdb) ", command: "cont", output: linesOf(101, 105), line: 100 },
      { prompt: "(gdb) ", command: "p xendev", output: linesOf(107, 107), line: 106 },
      { prompt: "(gdb) ", command: "p *xendev", output: linesOf(109, 117), line: 108 },
    ]);
    const suse = "linux-iwgo:/home/suse # ";
    expect(entry("14:59 2012-11-07").blocks[0]!.steps).toEqual([
      { prompt: suse, command: "mount.nfs 147.2.207.77:/home/bamvor/sda3/home sda3/home/ -v", output: linesOf(215, 221), line: 214 },
    ]);
    expect(entry("14:59 2012-11-07").blocks[2]!.steps).toEqual([{ prompt: suse, command: "ls sda3/home/", output: "novell", line: 274 }]);
    expect(entry("18:17 2012-11-07").blocks[0]!.steps).toEqual([
      { prompt: root, command: "virsh attach-disk sles11_hvm_10 /dev/sdb1 sda", output: linesOf(283, 284), line: 282 },
      { prompt: root, command: "xm", output: "", line: 285 },
      { prompt: root, command: "virsh detach-disk sles11_hvm_10 sda", output: linesOf(287, 289), line: 286 },
    ]);
  });

  it("sit in the outline where they were written", () => {
    const gitEntry = entry("17:07 2012-11-02");
    const item2 = gitEntry.body.find((node) => node.type === "item" && node.path === "2");
    expect(item2).toMatchObject({ type: "item", marker: "2, ", text: "" });
    expect(item2?.type === "item" && item2.children.map((node) => [node.type, node.line])).toEqual([
      ["block", 37],
      ["blank", 41],
      ["text", 42],
      ["blank", 43],
    ]);
    const item1 = gitEntry.body.find((node) => node.type === "item" && node.path === "1");
    expect(item1?.type === "item" && item1.text).toBe(".git/config");
    expect(item1?.type === "item" && item1.children.map((node) => [node.type, node.line])).toEqual([
      ["block", 34],
      ["blank", 36],
    ]);
  });
});
