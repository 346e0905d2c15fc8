// templates/assets/copy-button.js in Debian's Chromium on rendered seed entries: the button on
// the 14:59 2012-11-07 session of lines 223–272 copies exactly its five commands, one a line;
// a preformatted block copies its text; without the script the page has no button at all.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "../../test/browser/browser.ts";
import { loadTimeline } from "../log/index.ts";
import type { Timeline } from "../log/types.ts";
import { createRenderer, type Renderer } from "./index.ts";

const ROOT = join(import.meta.dirname, "../..");
const SCRIPT = readFileSync(join(ROOT, "templates/assets/copy-button.js"), "utf8");

let browser: Browser;
let renderer: Renderer;
let timeline: Timeline;

beforeAll(async () => {
  timeline = await loadTimeline([join(ROOT, "test/fixtures/render/seed/input.log")]);
  renderer = await createRenderer();
  if (hasChromium) browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function pageOf(id: string, withScript: boolean) {
  const html = await renderer.renderEntry(timeline.byId.get(id)!, timeline);
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><html><head><style>${renderer.css}</style></head><body>${html}</body></html>`);
  // A clipboard that records what it is given (about:blank has none of its own).
  await page.evaluate(() => {
    const copied: string[] = [];
    Object.assign(window, { copied });
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (text: string) => void copied.push(text) } });
  });
  if (withScript) await page.addScriptTag({ content: SCRIPT });
  return page;
}

describe.skipIf(!hasChromium)("copy button", () => {
  it("copies the five commands of the 14:59 2012-11-07 session, without prompts or output", async () => {
    const page = await pageOf("2012-11-07T14:59", true);
    const buttons = page.locator("figure.block .copy-button");
    expect(await buttons.count()).toBe(3);
    await buttons.nth(1).click();
    const copied = await page.evaluate(() => (window as unknown as { copied: string[] }).copied);
    expect(copied).toEqual([
      [
        "zypper se rpc",
        "rcrpcbind status",
        "rcrpcbind restart",
        "rcrpcbind status",
        "mount.nfs 147.2.207.77:/home/bamvor/sda3/home sda3/home/ -v",
      ].join("\n"),
    ]);
    await page.close();
  });

  it("copies a preformatted call graph as shown", async () => {
    const page = await pageOf("2012-11-06T16:52", true);
    await page.locator("figure.block .copy-button").click();
    const copied = await page.evaluate(() => (window as unknown as { copied: string[] }).copied);
    const block = timeline.byId.get("2012-11-06T16:52")!.blocks[0]!;
    expect(copied).toEqual([block.text]);
    await page.close();
  });

  it("leaves the page complete without the script: no button, every command visible", async () => {
    const page = await pageOf("2012-11-07T14:59", false);
    expect(await page.locator(".copy-button").count()).toBe(0);
    expect(await page.locator("figure.block").nth(1).locator(".command").allTextContents()).toHaveLength(5);
    await page.close();
  });
});
