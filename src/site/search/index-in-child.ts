// The search index written by a child process. Pagefind runs as a process of its own that the
// indexing side feeds record by record through a pipe; on the build's main thread those pipe
// events wait until Eleventy, which renders and writes synchronously, lets the event loop run
// (10,000 entries: a rebuild of one new entry took ~27 s instead of ~16 s). A worker thread has
// an event loop of its own but shares the build's process, whose peak memory then holds the
// worker's heap too; a child process has both its own loop and its own memory.
//
// The documents go to the child in a file, written at once: a message through the IPC pipe would
// wait, like Pagefind's, for the build's event loop to drain it. Once written, the build keeps
// nothing of them. Only the file's name goes through the pipe.
//
// A build asks for one index and lets the child go. The dev server keeps its child from one
// rebuild to the next: starting Node and loading the indexing modules again cost a rebuild ~0.3 s.
// The kept child holds the documents of its last index, so a rebuild sends it only the documents
// it does not hold (by identity: the dev server keeps the documents of unchanged entries) and the
// order of all of them by URL — not 40 MB of JSON for one new entry.

import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SearchDocument } from "./documents.ts";
import type { SearchReport, WriteSearchIndexOptions } from "./write-search-index.ts";

const childModule = fileURLToPath(new URL("./search-child.ts", import.meta.url));
// Node 20 runs no TypeScript: the child loads its module through tsx's loader. Resolved from
// this file (the build may run from any folder), without the query tsx adds to modules it
// loads through its API (bin/dotlog.js), which would load a second copy of the loader.
const tsxLoader = withoutQuery(import.meta.resolve("tsx"));

/** What the build asks: the index described by the file `input` (an `IndexInput`). */
export interface ChildRequest {
  id: number;
  input: string;
}

/**
 * An index's options, with every document, or with the URLs of all of them in order and the
 * documents the child does not hold from its last index.
 */
export type IndexInput = Omit<WriteSearchIndexOptions, "documents"> & ({ documents: readonly SearchDocument[] } | { urls: string[]; changed: SearchDocument[] });

/** What the child answers: its report, or the message of what failed. */
export type ChildAnswer = { id: number } & ({ report: SearchReport } | { error: string });

export interface SearchIndexer {
  /** Writes an index in the child, started on first use (again, if it stopped). */
  write(options: WriteSearchIndexOptions): Promise<SearchReport>;
  /** Lets the child stop once the indexes asked for are written. */
  close(): void;
  /** The running child's process id, if one runs. */
  readonly pid: number | undefined;
}

/** One index, in a child of its own that stops once it is written. */
export function writeSearchIndexInChild(options: WriteSearchIndexOptions): Promise<SearchReport> {
  const indexer = searchIndexer();
  const report = indexer.write(options);
  indexer.close();
  return report;
}

export function searchIndexer(): SearchIndexer {
  let child: ChildProcess | undefined;
  // The documents the running child holds, as sent: none known after a failure. Weakly: a
  // build's documents (~40 MB on 10,000 entries) are the child's once written, not this process's.
  let held: { by: ChildProcess; documents: WeakSet<SearchDocument> } | null = null;
  let closing = false;
  let nextId = 0;
  const pending = new Map<number, { resolve: (report: SearchReport) => void; reject: (error: Error) => void }>();

  const rejectAll = (error: Error): void => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  const letGo = (): void => {
    if (closing && pending.size === 0 && child?.connected) child.disconnect();
  };
  const start = (): ChildProcess => {
    // Only the loader: flags of the build's own process (a CPU profile, a heap limit) are not the child's.
    const started = fork(childModule, [], { execArgv: ["--import", tsxLoader], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    started.on("message", (answer: ChildAnswer) => {
      const waiting = pending.get(answer.id);
      if (!waiting) return;
      pending.delete(answer.id);
      if ("report" in answer) waiting.resolve(answer.report);
      else waiting.reject(new Error(answer.error));
      letGo();
    });
    // The channel closes when the child stops, or once it is let go: no answer can come after
    // that, and every one sent before it has been delivered. (Node emits no "close" for a child
    // whose channel the parent disconnected.)
    started.once("disconnect", () => {
      if (child === started) child = undefined;
      rejectAll(new Error(`the search index process stopped (${describeExit(started)}) without an answer`));
    });
    started.once("error", (error) => {
      if (child === started) child = undefined;
      rejectAll(error);
    });
    return started;
  };

  return {
    write({ documents, ...options }) {
      closing = false;
      const running = (child ??= start());
      const known = held?.by === running ? held.documents : null;
      const indexInput: IndexInput = known
        ? { ...options, urls: documents.map((document) => document.url), changed: documents.filter((document) => !known.has(document)) }
        : { ...options, documents };
      const work = mkdtempSync(path.join(tmpdir(), "dotlog-search-"));
      const input = path.join(work, "options.json");
      try {
        writeFileSync(input, JSON.stringify(indexInput));
      } catch (error) {
        rmSync(work, { recursive: true, force: true });
        return Promise.reject(error as Error);
      }
      held = { by: running, documents: new WeakSet(documents) };
      const id = nextId++;
      const request: ChildRequest = { id, input };
      return new Promise<SearchReport>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        running.send(request);
      })
        .catch((error: unknown) => {
          held = null;
          throw error;
        })
        .finally(() => rmSync(work, { recursive: true, force: true }));
    },
    close() {
      closing = true;
      letGo();
    },
    get pid() {
      return child?.pid;
    },
  };
}

function describeExit(child: ChildProcess): string {
  return child.signalCode ?? (child.exitCode === null ? "its channel closed" : `exit code ${child.exitCode}`);
}

function withoutQuery(href: string): string {
  const url = new URL(href);
  url.search = "";
  return url.href;
}
