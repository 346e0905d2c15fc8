// test/fixtures/xss/payloads.json: each payload is placed in a header (title and tags), a body
// line, a TODO, a reference's context and its target's title (the tooltip), URLs, a shell
// transcript (command and output), a gdb session and a config block. The output HTML is parsed
// back: only elements, attributes, classes and URLs that dotlog generates may appear, and the
// payload's text must still be there, escaped, for the reader.
import type { Element } from "hast";
import { beforeAll, describe, expect, it } from "vitest";
import { payloads, xssLog, xssMarkdown } from "../../test/fixtures/xss/xss-log.ts";
import { parseTimeline, type BodyNode } from "../log/index.ts";
import { createRenderer, type Renderer } from "./index.ts";
import { attr, byClass, classes, elements, parse, textOf } from "./testing/html.ts";
import { visibleControls } from "./visible-controls.ts";


const ALLOWED: Record<string, string[]> = {
  div: ["className"],
  p: ["className"],
  br: [],
  ol: ["className", "start"],
  li: ["id", "className"],
  span: ["className", "id", "title", "dataInsertion"],
  a: ["href", "title", "className"],
  time: ["className", "dateTime"],
  data: ["value"],
  ins: ["className", "dateTime"],
  strong: [],
  figure: ["className", "dataLang", "dataCopy"],
  figcaption: ["className"],
  pre: ["className", "tabIndex"],
  code: [],
};

const CLASSES = new Set(
  `log-body outline outline-comma outline-paren outline-parens item marker ref ref-unresolved url item-time todo
  todo-blog todo-badge plan-summary plan-worked plan-total plan-spent plan-time plan-minutes plan-range insertion
  insertion-label insertion-end inserted block block-shell block-gdb block-repl block-config block-script
  block-preformatted block-label plain transcript line line-command line-output prompt command output output-error shiki
  shiki-themes github-light github-dark`.split(/\s+/),
);


let renderer: Renderer;
beforeAll(async () => {
  renderer = await createRenderer();
});

describe("XSS corpus", () => {
  it("has at least 30 payloads", () => {
    expect(payloads.length).toBeGreaterThanOrEqual(30);
  });

  it.each(payloads.map((payload, index) => [index, payload]))("payload %i stays text: %s", async (_index, payload) => {
    const timeline = parseTimeline([{ file: "xss.log", bytes: new TextEncoder().encode(xssLog(payload)) }]);
    expect(timeline.entries).toHaveLength(2);
    let shown = "";
    let references = 0;
    let transcripts = 0;
    for (const entry of timeline.entries) {
      const tree = parse(await renderer.renderEntry(entry, timeline));
      for (const element of elements(tree)) {
        expectAllowed(element, ALLOWED);
        const id = attr(element, "id");
        if (id !== undefined) expect(id).toMatch(/^(?:i\d+(?:-\d+)*|todo-\d+)$/);
        const href = attr(element, "href");
        if (href !== undefined) expect(href).toMatch(/^(?:\/(?!\/)|(?:https?|ftp):\/\/)/i);
      }
      shown += textOf(tree);
      references += elements(tree, (e) => e.tagName === "a" && classes(e).includes("ref")).length;
      transcripts += byClass(tree, "transcript").length;
    }
    // The payload really sat in a resolved reference's line and in a transcript.
    expect(references).toBeGreaterThanOrEqual(1);
    expect(transcripts).toBeGreaterThanOrEqual(1);
    expect(shown).toContain(`body ${visibleControls(payload)}`);
  });
});

/** What a Markdown entry renders besides the log's own markup. */
const MARKDOWN_ALLOWED: Record<string, string[]> = {
  ...ALLOWED,
  a: ["href", "title", "className"],
  em: [],
  del: [],
  ul: [],
  li: ["id", "className"],
  blockquote: [],
  h2: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: [],
  td: [],
};

/** The lines of a body as the reader should see them (the parser's reading of the Markdown). */
function shownLines(nodes: BodyNode[]): string[] {
  return nodes.flatMap((node) => {
    if (node.type === "item") return [node.text, ...shownLines(node.children)];
    if (node.type === "text") return [node.text];
    if (node.type === "block") return node.block.text.split("\n");
    return [];
  });
}

/** Only the elements, attributes and classes the renderer makes: nothing a payload wrote. */
function expectAllowed(element: Element, allowedTags: Record<string, string[]>, moreClasses: string[] = []): void {
  const allowed = allowedTags[element.tagName];
  expect(allowed, `<${element.tagName}>`).toBeDefined();
  for (const key of Object.keys(element.properties)) expect(allowed, `${element.tagName}[${key}]`).toContain(key);
  for (const name of classes(element)) expect(CLASSES.has(name) || moreClasses.includes(name) || /^dl-t-[a-z0-9]+$/.test(name), `class ${name}`).toBe(true);
}

const squeeze = (text: string) => text.replace(/\s+/g, "");

describe("XSS corpus in a Markdown entry", () => {
  it.each(payloads.map((payload, index) => [index, payload]))("payload %i stays text: %s", async (_index, payload) => {
    const timeline = parseTimeline([{ file: "xss.markdown", bytes: new TextEncoder().encode(xssMarkdown(payload)) }]);
    expect(timeline.entries.map((entry) => entry.format)).toEqual(["markdown", "markdown"]);
    let references = 0;
    for (const entry of timeline.entries) {
      const tree = parse(await renderer.renderEntry(entry, timeline));
      for (const element of elements(tree)) {
        expectAllowed(element, MARKDOWN_ALLOWED, ["outline-markdown", "image-link"]);
        const href = attr(element, "href");
        // Only the web, FTP, mail, or a path on this site; never a script or data URL.
        if (href !== undefined) expect(href).toMatch(/^(?:\/(?!\/)|(?:https?|ftp|mailto):|(?![a-z][a-z\d+.-]*:)[^/])/i);
      }
      references += elements(tree, (e) => e.tagName === "a" && classes(e).includes("ref")).length;
      // Every line shows what the parser read of it: no text is lost.
      const shown = squeeze(visibleControls(textOf(tree)));
      for (const line of shownLines(entry.body)) expect(shown).toContain(squeeze(visibleControls(line)));
    }
    expect(references).toBeGreaterThanOrEqual(1);
  });
});
