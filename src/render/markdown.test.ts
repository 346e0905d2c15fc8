// A Markdown-era entry rendered: the Markdown month of the fixtures with the corpus's .LOG
// months it points at, through the real parser and renderer. The HTML is read back and its
// facts asserted: outline anchors, transcripts, links, references across the eras, TODOs,
// plans, and raw HTML shown as text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Element, Root } from "hast";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../log/fixtures.ts";
import { parseTimeline } from "../log/index.ts";
import type { Timeline } from "../log/types.ts";
import { createRenderer, type Renderer } from "./index.ts";
import { attr, byClass, classes, elements, parse, textOf } from "./testing/html.ts";

const FILES = ["markdown/log201601.markdown", "corpus/log201204novell.txt", "corpus/log2013.txt", "../../content/000_76b23a5250f26162.txt"];

let renderer: Renderer;
let timeline: Timeline;
beforeAll(async () => {
  renderer = await createRenderer();
  timeline = parseTimeline(FILES.map((file) => ({ file, bytes: readFileSync(join(FIXTURES, file)) })));
});

async function html(id: string): Promise<Root> {
  return parse(await renderer.renderEntry(timeline.byId.get(id)!, timeline));
}

const tags = (tree: Root, name: string): Element[] => elements(tree, (e) => e.tagName === name);

describe("a Markdown entry's body", () => {
  it("is the issue's entry: an anchored item, a root transcript, the autolink and the link", async () => {
    const tree = await html("2016-01-04T15:25");
    const item = elements(tree, (e) => attr(e, "id") === "i1")[0]!;
    expect(item.tagName).toBe("li");
    expect(textOf(byClass(item, "marker")[0]!)).toBe("1. ");
    const [figure] = byClass(tree, "block-shell");
    expect(textOf(byClass(figure!, "prompt")[0]!)).toBe("# ");
    expect(attr(figure!, "dataCopy")).toBe("route add -net 74.125.204.0 netmask 255.255.255.0 gw 192.168.199.1");
    expect(tags(tree, "a").map((a) => [attr(a, "href"), textOf(a)])).toEqual([
      ["http://ted.is-programmer.com/posts/4403", "http://ted.is-programmer.com/posts/4403"],
      ["http://open-estuary.org/estuary-v2-1/", "estuary 2.1 notes"],
    ]);
    // Neither the stamp's nor the header's underline, nor the header, is in the body.
    expect(textOf(tree)).not.toMatch(/----|software skill/);
  });

  it("nests items as Markdown nests them, anchored by the author's numbers", async () => {
    const tree = await html("2016-01-05T10:05");
    expect(elements(tree, (e) => e.tagName === "li").map((li) => attr(li, "id"))).toEqual(["i1", "i2", "i2-1", "i2-2", "i3"]);
    const nested = elements(tree, (e) => attr(e, "id") === "i2")[0]!;
    expect(tags(nested as unknown as Root, "ol")).toHaveLength(1);
    expect(tags(tree, "strong").map(textOf)).toEqual(["Note"]);
    expect(tags(tree, "em").map(textOf)).toEqual(["recovery"]);
    expect(tags(tree, "code").map(textOf)).toContain("sudo fastboot flash fastboot l-loader.bin");
    expect(byClass(tree, "item-time").map((time) => attr(time, "dateTime"))).toEqual(["2016-01-05T15:33"]);
  });

  it("links references in this month and into the .LOG years, with their item anchors", async () => {
    const tree = await html("2016-01-06T14:20");
    const refs = byClass(tree, "ref").map((a) => [attr(a, "href"), textOf(a)]);
    expect(refs).toEqual([
      [`${timeline.byId.get("2016-01-05T10:05")!.url}#i3`, '"10:05 2016-01-05"3'],
      [`${timeline.byId.get("2012-04-01T14:25")!.url}#i1`, '"14:25 2012-04-01"1'],
    ]);
    expect(byClass(tree, "transcript")).toHaveLength(2);
  });

  it("shows a gdb session as the log's gdb transcripts are shown", async () => {
    const tree = await html("2016-01-07T15:47");
    const [figure] = byClass(tree, "block-gdb");
    expect(byClass(figure!, "prompt").map(textOf)).toEqual(["(gdb) ", "(gdb) ", "(gdb) "]);
  });

  it("marks the TODO that asks for a post, and reads a plan's times", async () => {
    const gtd = await html("2016-01-04T16:40");
    const [todo] = byClass(gtd, "todo");
    expect(classes(todo!)).toEqual(["todo", "todo-blog"]);
    expect(attr(todo!, "id")).toBe("todo-23");
    expect(byClass(gtd, "plan-summary")).toHaveLength(1);
    expect(byClass(gtd, "plan-minutes").map((chip) => attr(chip, "title"))).toEqual(["40'", "1h", "20'"]);
  });

  it("shows raw HTML as text, an image as a link to it, and tables, quotes and bullets as Markdown", async () => {
    const notes = await html("2016-01-12T17:05");
    expect(tags(notes, "kbd")).toEqual([]);
    expect(textOf(notes)).toContain("<kbd>Ctrl</kbd>+<kbd>C</kbd> is shown as it is written");
    const bkk = await html("2016-01-11T10:12");
    expect(tags(bkk, "div").map((div) => classes(div))).toEqual([["log-body"]]);
    expect(textOf(bkk)).toContain('<div align="center">送审的材料放在内部wiki上</div>');
    expect(tags(bkk, "ul")).toHaveLength(1);
    const uart = await html("2016-01-25T10:08");
    expect(tags(uart, "img")).toEqual([]);
    const [image] = byClass(uart, "image-link");
    expect([attr(image!, "href"), textOf(image!)]).toEqual(["http://www.96boards.org/wp-content/uploads/2015/10/uart-adapter.png", "the adapter"]);
    const review = await html("2016-01-13T09:48");
    // The quoted mail quotes a mail.
    expect(tags(review, "blockquote")).toHaveLength(2);
    expect(tags(review, "td").map(textOf)).toEqual(["fstatat", "79", "79", "statfs", "43", "43"]);
    expect(tags(await html("2016-01-22T17:45"), "del").map(textOf)).toEqual(["in the kernel"]);
  });

  it("links only safe URLs however the scheme is hidden, and shows a link's text as written", async () => {
    const text = [
      "10:00 2016-03-02",
      "----------------",
      "xss, links",
      "----------",
      "1.  [tab](<java\tscript:alert(1)>) [entity](java&#x09;script:alert(2)) [newline](java&#10;script:alert(3))",
      "2.  [upper](JaVaScRiPt:alert(4)) [data](data:text/html,<script>alert(5)</script>) [ok](<https://example.com/a b>)",
      "3.  <http://xn--n-nga1b.com/%E4%B8%AD> <mailto:someone@example.com>",
      "",
    ].join("\n");
    const own = parseTimeline([{ file: "links.markdown", bytes: new TextEncoder().encode(text) }]);
    const tree = parse(await renderer.renderEntry(own.entries[0]!, own));
    const links = tags(tree, "a").map((a) => [textOf(a), attr(a, "href")]);
    expect(links).toEqual([
      ["ok", "https://example.com/a%20b"],
      ["http://xn--n-nga1b.com/%E4%B8%AD", "http://xn--n-nga1b.com/%E4%B8%AD"],
      ["mailto:someone@example.com", "mailto:someone@example.com"],
    ]);
    // Every unsafe link is its text, nothing lost.
    for (const shown of ["tab", "entity", "newline", "upper", "data"]) expect(textOf(tree)).toContain(shown);
  });

  it("leaves a .LOG entry literal", async () => {
    const tree = await html("2012-04-01T14:25");
    expect(tags(tree, "strong")).toEqual([]);
    expect(byClass(tree, "outline-comma").length).toBeGreaterThan(0);
  });
});
