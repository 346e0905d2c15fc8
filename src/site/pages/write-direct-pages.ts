// Pages and files the build writes itself, beside Eleventy (the id-redirect pages: see
// redirectPageHtml; the files beside hand-written posts). Their contents are made here; the files are written by a worker thread, so the
// ~20,000 folder and file creations of 10,000 entries run on the other core while Eleventy
// renders and writes its own pages on this one.

import path from "node:path";
import { Worker } from "node:worker_threads";
import { outputFile, PAGE_SETS, type PageSelection } from "./page-sets.ts";
import type { RedirectSite } from "./redirects.ts";

/** Plain CommonJS, evaluated by the worker: no loader, no TypeScript, nothing to import. */
const WRITER = `
const { workerData } = require("node:worker_threads");
const { mkdirSync, writeFileSync } = require("node:fs");
const path = require("node:path");
let made = "";
for (const [file, html] of workerData) {
  const dir = path.dirname(file);
  if (dir !== made) mkdirSync(dir, { recursive: true });
  made = dir;
  writeFileSync(file, html);
}
`;

/** Writes the selected pages of every set that has `contents` into `outDir`; resolves to their count. */
export async function writeDirectPages(outDir: string, selection: PageSelection, site: RedirectSite): Promise<number> {
  const files: [string, string | Uint8Array][] = [];
  for (const set of PAGE_SETS) {
    if (!set.contents) continue;
    for (const item of selection[set.name] ?? []) files.push([path.join(outDir, outputFile(set.url(item))), set.contents(item, site)]);
  }
  const count = files.length;
  if (count === 0) return 0;
  await new Promise<void>((resolve, reject) => {
    const worker = new Worker(WRITER, { eval: true, workerData: files });
    // The worker has its own copy: this one (~10 MB on 10,000 entries) need not live through Eleventy's run.
    files.length = 0;
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the page writer stopped with code ${code}`))));
  });
  return count;
}
