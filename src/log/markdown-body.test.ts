// The Markdown-era journal (test/fixtures/markdown/log201601.markdown, written in the style of
// the author's 2016 files): split, header and its underline, outline items from nested lists,
// fences as literal blocks, references, TODOs and the text a reader sees.

import { describe, expect, it } from "vitest";
import { fixture, parseFixture, reassemble } from "./fixtures.ts";
import { parseTimeline } from "./index.ts";
import type { BodyNode, Entry, Timeline } from "./types.ts";

const FILE = "markdown/log201601.markdown";
const timeline = parseFixture(FILE);
const entry = (id: string): Entry => timeline.byId.get(id)!;

/** `line:kind:text` of the body's nodes, depth-first; items as their path. */
function outline(nodes: BodyNode[]): string[] {
  return nodes.flatMap((node) => {
    if (node.type === "item") return [`${node.line}:item ${node.path} ${node.marker}${node.text}`, ...outline(node.children)];
    if (node.type === "block") return [`${node.line}:block ${node.block.kind} ${node.block.line}-${node.block.endLine}`];
    return [`${node.line}:${node.type}${node.type === "text" ? ` ${node.text}` : ""}`];
  });
}

function markdown(text: string, file = "j.markdown"): Timeline {
  return parseTimeline([{ file, bytes: new TextEncoder().encode(text) }]);
}

describe("a Markdown-era month", () => {
  it("splits into its 24 entries, one an ATX heading and one underlined with ====, losing nothing", () => {
    expect(timeline.files[0]!.format).toBe("markdown");
    expect(timeline.entries).toHaveLength(24);
    expect(timeline.entries.every((e) => e.format === "markdown")).toBe(true);
    expect(entry("2016-01-12T14:36").stampText).toBe("## 14:36 2016-01-12");
    expect(entry("2016-01-11T10:12").stampText).toBe("10:12 2016-01-11\n================");
    expect(reassemble(timeline, FILE)).toBe(new TextDecoder().decode(fixture(FILE)));
    // Only the references to the .LOG years, which are other files.
    expect(timeline.warnings.map((w) => `${w.code}@${w.line}`)).toEqual(["unresolved-ref@22", "unresolved-ref@22", "unresolved-ref@58", "unresolved-ref@124"]);
  });

  it("reads the header under its own underline; the underlines are neither title, tag nor body", () => {
    const route = entry("2016-01-04T15:25");
    expect(route.header).toEqual({ line: 3, text: "software skill, network, route, irccloud.com", elements: ["software skill", "network", "route", "irccloud.com"] });
    expect(route.title).toBe("irccloud.com");
    expect(route.tags).toEqual(["software skill", "network", "route", "irccloud.com"]);
    expect(outline(route.body)).toEqual([
      "5:item 1 1. the route need to add for irccloud.com",
      "6:block shell 6-8",
      "9:text ref: http://ted.is-programmer.com/posts/4403  estuary 2.1 notes",
      "10:blank",
    ]);
    // An ATX-stamped entry's header needs no underline.
    expect(entry("2016-01-12T14:36").tags).toEqual(["embedded", "hikey", "power"]);
    expect(entry("2016-01-07T09:30").title).toBe("weekly meeting: arm64 ILP32 status");
  });

  it("makes the ordered list items its outline items, nested as Markdown nests them, numbered by the author", () => {
    expect(entry("2016-01-04T16:40").items).toEqual(["0", "1", "1-1", "1-2", "1-3", "2", "2-1", "2-2"]);
    expect(outline(entry("2016-01-05T10:05").body)).toEqual([
      "29:item 1 1. build the uefi for hikey",
      "30:block shell 30-33",
      "34:item 2 2. flash it with fastboot. Note: the board must be in recovery mode, J15 1-2 and 3-4 closed.",
      "35:item 2-1 1. sudo fastboot flash fastboot l-loader.bin",
      "36:item 2-2 2. sudo fastboot flash nvme nvme.img",
      "37:item 3 3. (15:33 2016-01-05)",
      "38:text 串口输出正常, 但是grub找不到kernel. 明天再看.",
      "39:blank",
    ]);
    // A bullet list is no outline item; its text stays in the item it sits in.
    expect(entry("2016-01-11T10:12").items).toEqual(["1", "2", "3"]);
  });

  it("reads fences as literal blocks: root and $ transcripts, gdb, a script with its language", () => {
    const blocks = (id: string) => entry(id).blocks.map((b) => [b.kind, b.lang, b.promptStyle, b.steps?.map((s) => s.command) ?? null]);
    expect(blocks("2016-01-04T15:25")).toEqual([["shell", "shellsession", "hash", ["route add -net 74.125.204.0 netmask 255.255.255.0 gw 192.168.199.1"]]]);
    expect(blocks("2016-01-05T10:05")).toEqual([["shell", "shellsession", "dollar", ["git clone https://github.com/96boards/edk2.git -b hikey", "cd edk2 && make -C BaseTools"]]]);
    expect(blocks("2016-01-07T15:47")[0]!.slice(0, 2)).toEqual(["gdb", "gdb"]);
    expect(blocks("2016-01-15T10:40")).toEqual([["script", "vim", null, null]]);
    // The block's text is the code without its fences and without the list's indentation.
    expect(entry("2016-01-20T09:55").blocks[0]!.text).toBe('# cat /etc/apt/apt.conf.d/90proxy\nAcquire::http::Proxy "http://192.168.199.1:3128/";');
  });

  it("finds references with item paths, in this month and in the .LOG years, and the item each sits in", () => {
    const refs = (id: string) => entry(id).references.map((r) => [r.target, r.item, r.fromItem, r.line]);
    expect(refs("2016-01-04T16:40")).toEqual([
      ["2016-01-04T15:25", "1", "1-1", 17],
      ["2016-01-05T10:05", null, "2-1", 21],
      ["2012-11-05T10:03", null, "2-2", 22],
      ["2012-11-05T10:16", null, "2-2", 22],
    ]);
    expect(refs("2016-01-06T14:20")).toEqual([
      ["2016-01-05T10:05", "3", "1", 44],
      ["2012-04-01T14:25", "1", "3", 58],
    ]);
  });

  it("gives a TODO after an item to that item, and reads it as a blog request", () => {
    expect(entry("2016-01-04T16:40").todos).toEqual([{ text: "write a blog for this.", line: 23, item: "2-2", blog: true }]);
    expect(entry("2016-01-29T18:05").todos).toEqual([{ text: "write a blog for this.", line: 257, item: "1", blog: true }]);
  });

  it("keeps series, plans, item times and URLs as in a .LOG entry", () => {
    expect(["2016-01-05T10:05", "2016-01-06T14:20", "2016-01-14T16:22"].map((id) => entry(id).series)).toEqual([
      { name: "boot guest on hikey", part: 1 },
      { name: "boot guest on hikey", part: 2 },
      { name: "boot guest on hikey", part: 3 },
    ]);
    expect(timeline.series.get("boot guest on hikey")!.parts).toEqual(["2016-01-05T10:05", "2016-01-06T14:20", "2016-01-14T16:22"]);
    const plan = entry("2016-01-13T13:15").plan!;
    expect(plan.workedMinutes).toBe(140 + 295);
    expect(plan.items.map((item) => [item.item, item.minutes])).toEqual([["1-1", 30], ["1-2", 120]]);
    expect(entry("2016-01-05T10:05").times.map((time) => [time.at, time.line])).toEqual([["2016-01-05T15:33", 37]]);
    expect(entry("2016-01-04T15:25").urls.map((url) => url.url)).toEqual(["http://ted.is-programmer.com/posts/4403", "http://open-estuary.org/estuary-v2-1/"]);
  });

  it("holds what the reader sees: Markdown read, raw HTML as written, an image as its description", () => {
    const texts = (id: string) => outline(entry(id).body).filter((line) => !line.includes(":block") && !line.endsWith(":blank"));
    expect(texts("2016-01-12T17:05")).toContain("123:item 1-3 3. links as <url> or [text](url)");
    expect(texts("2016-01-12T17:05")).toContain("125:item 3 3. what does not work: <kbd>Ctrl</kbd>+<kbd>C</kbd> is shown as it is written, and so is <script>.");
    expect(texts("2016-01-22T17:45")).toContain("227:item 2 2. struct statfs has f_spare[4] in the generic header; ILP32 needs the padding in the kernel in glibc.");
    expect(texts("2016-01-25T10:08")).toContain("235:item 3 3. the adapter");
    // A quoted mail and a table are text lines too.
    expect(texts("2016-01-13T09:48").slice(0, 3)).toEqual([
      "131:text On Wed, Jan 13, 2016 at 09:12:04AM +0800, Bamvor Jian Zhang wrote:",
      "132:text the compat syscall table is reused for ILP32.",
      "133:text Only for the syscalls that pass structures whose layout differs.",
    ]);
  });
});

describe("Markdown entries in general", () => {
  it("an entry that opens with a list has no header; its title is its first text", () => {
    const [only] = markdown("9:00 2016-01-05\n----\n1. **bold** text\n2. two\n").entries;
    expect(only!.header).toBeNull();
    expect(only!.title).toBe("bold text");
    expect(only!.items).toEqual(["1", "2"]);
  });

  it("a header written as an ATX heading loses its #", () => {
    const [only] = markdown("9:00 2016-01-05\n----\n## arm64, kvm, vgic\n1. text\n").entries;
    expect(only!.tags).toEqual(["arm64", "kvm", "vgic"]);
    expect(only!.body.map((node) => node.line)).toEqual([4]);
  });

  it("two items with one path are a duplicate-item warning, as in a .LOG entry", () => {
    const timeline = markdown("9:00 2016-01-05\n1. one\n1. again\n");
    expect(timeline.warnings.map((w) => [w.code, w.line])).toEqual([["duplicate-item", 3]]);
  });

  it("a .LOG entry stays literal: `1.` is no item and `**` stays", () => {
    const [only] = parseTimeline([{ file: "j.log", bytes: new TextEncoder().encode(".LOG\n9:00 2016-01-05\nheader\n1. **bold**\n") }]).entries;
    expect(only!.format).toBe("log");
    expect(only!.items).toEqual([]);
    expect(only!.body).toEqual([{ type: "text", line: 4, text: "1. **bold**" }]);
  });
});
