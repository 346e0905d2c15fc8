import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadTimeline } from "../../log/index.ts";
import { resolveSiteOptions } from "../config/index.ts";
import { assemblePages } from "../pages/assemble.ts";
import { outputFile, type PageSelection } from "../pages/page-sets.ts";
import type { SitePages } from "../pages/types.ts";
import { servePages } from "./index.ts";

const SEED = path.resolve("content/000_76b23a5250f26162.txt");
const options = resolveSiteOptions({}, "content");
let pages: SitePages;

beforeAll(async () => {
  const timeline = await loadTimeline([SEED]);
  const bodies = new Map(timeline.entries.map((entry) => [entry.id, `<p>${entry.title}</p>`]));
  pages = assemblePages({ timeline, bodies, options });
});

const count = (selection: PageSelection) => Object.values(selection).flat().length;

/** What Eleventy does with a selection, for the entry pages: writes them into the folder. */
async function write(dir: string, selection: PageSelection): Promise<void> {
  for (const page of (selection["entries"] ?? []) as { url: string }[]) {
    const file = path.join(dir, outputFile(page.url));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, "page");
  }
}

describe("servePages (the dev server's rebuilds)", () => {
  let dir: string;
  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(tmpdir(), "dotlog-serve-pages-")), "site");
  });
  afterEach(async () => {
    await rm(path.dirname(dir), { recursive: true, force: true });
  });

  it("writes every page first, then only those that changed, while the folder is the one it wrote", async () => {
    const serve = servePages(dir);
    const first = await serve.select(pages, options);
    const all = count(first);
    expect(all).toBeGreaterThan(pages.entries.length);
    await write(dir, first);
    expect(count(await serve.select(structuredClone(pages), options))).toBe(0);
    const edited = structuredClone(pages);
    edited.entries[3]!.html += " ";
    expect((await serve.select(edited, options))["entries"]).toEqual([edited.entries[3]]);
  });

  it("writes every page again when the folder was deleted, or replaced by another", async () => {
    const serve = servePages(dir);
    const first = await serve.select(pages, options);
    const all = count(first);
    await write(dir, first);
    await rm(dir, { recursive: true });
    const again = await serve.select(pages, options);
    expect(count(again)).toBe(all);
    await write(dir, again);
    expect(count(await serve.select(pages, options))).toBe(0);
    await rm(dir, { recursive: true });
    await mkdir(dir);
    expect(count(await serve.select(pages, options))).toBe(all);
  });

  it("removes the page of an entry that is gone", async () => {
    const serve = servePages(dir);
    await write(dir, await serve.select(pages, options));
    const gone = pages.entries.at(-1)!;
    const file = path.join(dir, outputFile(gone.url));
    expect(existsSync(file)).toBe(true);
    const fewer = structuredClone(pages);
    fewer.entries.pop();
    await serve.select(fewer, options);
    expect(existsSync(file)).toBe(false);
  });
});
