// The parser's bad-input corpus (test/fixtures/bad/) through the renderer: every entry renders
// to valid HTML, nothing invisible reaches the page, and every line of text is still shown.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTimeline } from "../log/index.ts";
import { createRenderer, type Renderer } from "./index.ts";
import { parse, textOf } from "./testing/html.ts";
import { bodyLines } from "./testing/lines.ts";
import { visibleControls } from "./visible-controls.ts";

const BAD = join(import.meta.dirname, "../../test/fixtures/bad");
const FILES = readdirSync(BAD).filter((name) => !name.startsWith("."));
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "no-trailing-whitespace": "off" } });

let renderer: Renderer;
beforeAll(async () => {
  renderer = await createRenderer();
});

describe("bad input", () => {
  it("has files to read", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(FILES)("%s renders every entry whole", async (name) => {
    const timeline = await loadTimeline([join(BAD, name)]);
    for (const entry of timeline.entries) {
      const html = await renderer.renderEntry(entry, timeline);
      expect(html, entry.id).not.toMatch(INVISIBLE);
      const report = await validator.validateString(`<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>${html}</main></body></html>`);
      expect(report.results.flatMap((result) => result.messages.map((m) => m.message)), entry.id).toEqual([]);
      const shown = textOf(parse(html));
      const inserted = new Set(entry.insertions.map((insertion) => insertion.line));
      for (const line of bodyLines(entry.body)) {
        if (entry.plan === null && !inserted.has(line.line)) expect(shown, `${entry.id} line ${line.line}`).toContain(visibleControls(line.text));
      }
    }
  });
});
