// Rendered entries under axe in Debian's Chromium, in the light and the dark scheme, with the
// site's stylesheet and renderer.css: transcripts, gdb values, plans, TODO badges, insertions
// and REPLs must pass (colour contrast included).
import { AxeBuilder } from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "../../test/browser/browser.ts";
import { loadTimeline } from "../log/index.ts";
import { createRenderer } from "./index.ts";

const ROOT = join(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "test/fixtures/render");

let browser: Browser;
let page = "";

beforeAll(async () => {
  const timeline = await loadTimeline(["seed", "insertion", "repl-sessions", "urls"].map((name) => join(FIXTURES, name, "input.log")));
  const renderer = await createRenderer();
  let body = "";
  for (const entry of timeline.entries) body += `<article><h2>${entry.id}</h2>${await renderer.renderEntry(entry, timeline)}</article>`;
  const site = readFileSync(join(ROOT, "templates/assets/site.css"), "utf8");
  page = `<!DOCTYPE html><html lang="en"><head><title>entries</title><style>${site}</style><style>${renderer.css}</style></head><body><main><h1>entries</h1>${body}</main></body></html>`;
  if (hasChromium) browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!hasChromium)("accessibility", () => {
  it.each(["light", "dark"] as const)("rendered entries have no axe violations in the %s scheme", async (colorScheme) => {
    const context = await browser.newContext({ colorScheme });
    const tab = await context.newPage();
    await tab.setContent(page);
    const { violations } = await new AxeBuilder({ page: tab }).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html.slice(0, 100)).join(" | ")}`)).toEqual([]);
    await context.close();
  });
});
