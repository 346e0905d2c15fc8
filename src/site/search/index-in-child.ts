// The search index written by a child process. Pagefind runs as a process of its own that the
// indexing side feeds record by record through a pipe; on the build's main thread those pipe
// events wait until Eleventy, which renders and writes synchronously, lets the event loop run
// (10,000 entries: a rebuild of one new entry took ~27 s instead of ~16 s). A worker thread has
// an event loop of its own but shares the build's process, whose peak memory then holds the
// worker's heap too; a child process has both its own loop and its own memory.
//
// The documents go to the child in a file, written at once: a message through the IPC pipe would
// wait, like Pagefind's, for the build's event loop to drain it. Once written, the build keeps
// nothing of them.

import { fork } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SearchReport, WriteSearchIndexOptions } from "./write-search-index.ts";

const childModule = fileURLToPath(new URL("./search-child.ts", import.meta.url));
// Node 20 runs no TypeScript: the child loads its module through tsx's loader. Resolved from
// this file (the build may run from any folder), without the query tsx adds to modules it
// loads through its API (bin/dotlog.js), which would load a second copy of the loader.
const tsxLoader = withoutQuery(import.meta.resolve("tsx"));

/** What the child answers: its report, or the message of what failed. */
export type ChildAnswer = { report: SearchReport } | { error: string };

export function writeSearchIndexInChild(options: WriteSearchIndexOptions): Promise<SearchReport> {
  const work = mkdtempSync(path.join(tmpdir(), "dotlog-search-"));
  const input = path.join(work, "options.json");
  try {
    writeFileSync(input, JSON.stringify(options));
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    return Promise.reject(error as Error);
  }
  return new Promise<SearchReport>((resolve, reject) => {
    // Only the loader: flags of the build's own process (a CPU profile, a heap limit) are not the child's.
    const child = fork(childModule, [input], { execArgv: ["--import", tsxLoader], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let answer: ChildAnswer | undefined;
    child.once("message", (message: ChildAnswer) => {
      answer = message;
    });
    child.once("error", reject);
    // "close", not "exit": by then the IPC channel has delivered everything the child sent.
    child.once("close", (code, signal) => {
      if (answer && "report" in answer) resolve(answer.report);
      else if (answer) reject(new Error(answer.error));
      else reject(new Error(`the search index process stopped (${signal ?? `exit code ${code}`}) without an answer`));
    });
  }).finally(() => rmSync(work, { recursive: true, force: true }));
}

function withoutQuery(href: string): string {
  const url = new URL(href);
  url.search = "";
  return url.href;
}
