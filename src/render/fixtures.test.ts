// Fixture folders, as remark-gfm tests them: test/fixtures/render/<case>/input.log (real lines
// from the seed and the corpus) goes through the real parser and the renderer; expected.json
// lists tree facts and HTML facts per entry. Every entry of every fixture is also checked for
// what must always hold: exact block text, working item anchors, links that show their own
// href, no style attributes, and no line of text lost.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Element } from "hast";
import { HtmlValidate } from "html-validate";
import { visit } from "unist-util-visit";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTimeline } from "../log/index.ts";
import type { Entry, Timeline } from "../log/types.ts";
import { createRenderer, entryTree, type Renderer } from "./index.ts";
import { attr, byClass, classes, elements, parse, textOf } from "./testing/html.ts";
import { bodyLines } from "./testing/lines.ts";
import { visibleControls } from "./visible-controls.ts";

interface BlockFacts {
  label: string;
  kind: string;
  /** Highlighted by Shiki (true) or plain text (false). */
  highlighted?: boolean;
  lines?: [number, number];
  prompts?: string[];
  commands?: string[];
  outputLines?: number;
  /** Output lines that report an error. */
  errors?: string[];
  copy?: string;
}

interface EntryFacts {
  tree?: Record<string, number>;
  /** The id of each outline item in order; null for an item whose path was already anchored. */
  anchors?: (string | null)[];
  blocks?: BlockFacts[];
  links?: { text: string; href: string; title?: string }[];
  unresolved?: string[];
  times?: { text: string; datetime: string }[];
  todos?: { id: string; text: string }[];
  insertions?: { datetime: string; label: string; end: string | null }[];
  plan?: string;
  text?: string[];
  /** Elements that must not appear (nothing in a log is Markdown or HTML). */
  absent?: string[];
}

interface Expected {
  about: string;
  entries: Record<string, EntryFacts>;
}

const ROOT = join(import.meta.dirname, "../../test/fixtures/render");
const CASES = readdirSync(ROOT, { withFileTypes: true })
  .filter((dirent) => dirent.isDirectory())
  .map((dirent) => dirent.name);

const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "no-trailing-whitespace": "off" } });

let renderer: Renderer;
beforeAll(async () => {
  renderer = await createRenderer();
});

describe.each(CASES)("fixture %s", (name) => {
  const expected = JSON.parse(readFileSync(join(ROOT, name, "expected.json"), "utf8")) as Expected;
  let timeline: Timeline;
  const html = new Map<string, string>();
  const render = async (entry: Entry): Promise<Element> => {
    let out = html.get(entry.id);
    if (out === undefined) {
      out = await renderer.renderEntry(entry, timeline);
      html.set(entry.id, out);
    }
    const root = parse(out);
    const wrapper = root.children[0];
    expect(wrapper?.type === "element" && classes(wrapper).includes("log-body")).toBe(true);
    return wrapper as Element;
  };

  beforeAll(async () => {
    timeline = await loadTimeline([join(ROOT, name, "input.log")]);
  });

  it("names only entries that exist", () => {
    for (const id of Object.keys(expected.entries)) expect(timeline.byId.has(id), id).toBe(true);
  });

  it.each(Object.keys(expected.entries))("%s: expected facts", async (id) => {
    const facts = expected.entries[id]!;
    const entry = timeline.byId.get(id)!;
    const body = await render(entry);
    if (facts.tree) {
      const counts: Record<string, number> = {};
      visit(await entryTree(entry, timeline), (node) => {
        if (node.type in facts.tree!) counts[node.type] = (counts[node.type] ?? 0) + 1;
      });
      for (const type of Object.keys(facts.tree)) counts[type] ??= 0;
      expect(counts).toEqual(facts.tree);
    }
    if (facts.anchors) expect(elements(body, (e) => e.tagName === "li").map((li) => attr(li, "id") ?? null)).toEqual(facts.anchors);
    if (facts.blocks) expect(blockFacts(body, entry, facts.blocks)).toEqual(facts.blocks);
    if (facts.links) {
      const links = elements(body, (e) => e.tagName === "a").map((a) => ({
        text: textOf(a),
        href: attr(a, "href")!,
        ...(facts.links!.some((link) => link.title !== undefined) && attr(a, "title") !== undefined ? { title: attr(a, "title") } : {}),
      }));
      expect(links).toEqual(facts.links);
    }
    if (facts.unresolved) expect(byClass(body, "ref-unresolved").map(textOf)).toEqual(facts.unresolved);
    if (facts.times) {
      expect(byClass(body, "item-time").map((t) => ({ text: textOf(t), datetime: attr(t, "dateTime") }))).toEqual(facts.times);
    }
    if (facts.todos) expect(byClass(body, "todo").map((t) => ({ id: attr(t, "id"), text: textOf(t) }))).toEqual(facts.todos);
    if (facts.insertions) {
      const insertions = elements(body, (e) => e.tagName === "ins").map((ins) => ({
        datetime: attr(ins, "dateTime")!,
        label: byClass(ins, "insertion-label").map(textOf).join(""),
        end: byClass(ins, "insertion-end").map(textOf)[0] ?? null,
      }));
      expect(insertions).toEqual(facts.insertions);
    }
    if (facts.plan !== undefined) expect(byClass(body, "plan-summary").map(textOf)).toEqual([facts.plan]);
    const text = textOf(body);
    for (const piece of facts.text ?? []) expect(text).toContain(piece);
    for (const tag of facts.absent ?? []) expect(elements(body, (e) => e.tagName === tag), `<${tag}>`).toEqual([]);
  });

  it("every entry: valid HTML, exact block text, live anchors, honest links, no style, no lost line", async () => {
    for (const entry of timeline.entries) {
      const body = await render(entry);
      const page = `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>${html.get(entry.id)}</main></body></html>`;
      const report = await validator.validateString(page);
      expect(report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message}`)), entry.id).toEqual([]);
      for (const element of elements(body)) {
        expect(Object.keys(element.properties).filter((key) => key === "style" || /^on/i.test(key)), entry.id).toEqual([]);
      }
      const pres = byClass(body, "block").map((figure) => elements(figure, (e) => e.tagName === "pre")[0]!);
      expect(pres.map((pre) => textOf(pre)), entry.id).toEqual(entry.blocks.map((block) => visibleControls(block.text)));
      for (const link of byClass(body, "url")) expect(attr(link, "href")).toBe(textOf(link));
      for (const ref of elements(body, (e) => e.tagName === "a" && classes(e).includes("ref"))) {
        const [path, anchor] = attr(ref, "href")!.split("#");
        const target = timeline.entries.find((other) => other.url === path);
        expect(target, attr(ref, "href")).toBeDefined();
        if (anchor) expect(elements(await render(target!), (e) => attr(e, "id") === anchor)).toHaveLength(1);
      }
      if (entry.plan === null) {
        const shown = textOf(body);
        const opened = new Set(entry.insertions.map((insertion) => insertion.line));
        for (const line of bodyLines(entry.body)) {
          if (!opened.has(line.line)) expect(shown, `${entry.id} line ${line.line}`).toContain(visibleControls(line.text));
        }
      }
    }
  });
});

function blockFacts(body: Element, entry: Entry, wanted: BlockFacts[]): BlockFacts[] {
  return byClass(body, "block").map((figure, index) => {
    const want = wanted[index];
    const block = entry.blocks[index];
    const facts: BlockFacts = {
      label: byClass(figure, "block-label").map(textOf).join(""),
      kind: classes(figure).find((name) => name.startsWith("block-") && name !== "block-label")!.slice("block-".length),
    };
    if (want?.highlighted !== undefined) facts.highlighted = classes(elements(figure, (e) => e.tagName === "pre")[0]!).includes("shiki");
    if (want?.lines) facts.lines = block ? [block.line, block.endLine] : [0, 0];
    if (want?.prompts) facts.prompts = byClass(figure, "prompt").map(textOf);
    if (want?.commands) facts.commands = byClass(figure, "command").map(textOf);
    if (want?.outputLines !== undefined) facts.outputLines = byClass(figure, "line-output").length;
    if (want?.errors) facts.errors = byClass(figure, "output-error").map(textOf);
    if (want?.copy !== undefined) facts.copy = attr(figure, "dataCopy");
    return facts;
  });
}
