// The search index written from a worker thread. Pagefind runs as a child process that this
// side feeds record by record through a pipe; on the main thread those pipe events wait until
// Eleventy, which renders and writes synchronously, lets the event loop run — so the index was
// built after the pages instead of beside them (10,000 entries: a rebuild of one new entry
// took ~27 s instead of ~16 s). A worker has an event loop of its own.

import { Worker } from "node:worker_threads";
import type { SearchReport, WriteSearchIndexOptions } from "./write-search-index.ts";

const workerModule = new URL("./search-worker.ts", import.meta.url).href;
// Node 20 runs no TypeScript: the worker loads its module through tsx, as bin/dotlog.js does.
const tsxApi = import.meta.resolve("tsx/esm/api");
const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(workerModule)}, ${JSON.stringify(workerModule)}))`;

type WorkerAnswer = { report: SearchReport } | { error: string };

export function writeSearchIndexInWorker(options: WriteSearchIndexOptions): Promise<SearchReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: options });
    let answered = false;
    worker.once("message", (answer: WorkerAnswer) => {
      answered = true;
      if ("report" in answer) resolve(answer.report);
      else reject(new Error(answer.error));
    });
    worker.once("error", (error) => {
      answered = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!answered) reject(new Error(`the search index worker stopped (exit code ${code}) without an answer`));
    });
  });
}
