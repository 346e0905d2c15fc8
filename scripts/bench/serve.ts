// The dev server's rebuild after the daily new entry (`npm start`, the watch loop the scale
// issue suggests), against a cold `dotlog build` of the same log run just before in this script:
// the server is started on N entries, and each appended entry is timed from the write to the
// server's report line for the rebuild (pages and search index written).
//
//   npm run bench -- serve                                   (10,000 entries; median of 3 appends)
//   DOTLOG_BENCH_SERVE_ENTRIES=1000 DOTLOG_BENCH_RUNS=5 npm run bench -- serve
import { spawn } from "node:child_process";
import { appendFile, mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dailyEntry, makeCorpus } from "../make-corpus.ts";
import { measureChild, median } from "./measure-child.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = path.join(root, "bin", "dotlog.js");
const entries = Number(process.env.DOTLOG_BENCH_SERVE_ENTRIES ?? "10000");
const runs = Number(process.env.DOTLOG_BENCH_RUNS ?? "3");
/** The line `dotlog serve` prints when a build or rebuild, search index included, is done. */
const REPORT = /^dotlog: [\d,]+ of [\d,]+ entries/;

/** A running `dotlog serve` whose report lines can be awaited. */
function startServer(content: string, out: string, cache: string, port: number) {
  const child = spawn(process.execPath, [bin, "serve", "--content", content, "--out", out, "--cache", cache, "--port", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const waiting: ((line: string) => void)[] = [];
  let pending = "";
  // Every byte is read, to the end: Eleventy spins when its output pipe closes early.
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) if (REPORT.test(line)) waiting.shift()?.(line);
  });
  child.stderr.resume();
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  return {
    report: () => new Promise<string>((resolve) => waiting.push(resolve)),
    async stop() {
      child.kill("SIGINT");
      await closed;
    },
  };
}

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function run(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), "dotlog-serve-bench-"));
  try {
    const content = path.join(work, "content");
    const files = await makeCorpus(entries, content);
    const cold = await measureChild(process.execPath, [bin, "build", "--content", content, "--out", path.join(work, "built"), "--cache", path.join(work, "build-cache")]);
    if (cold.code !== 0) throw new Error(`the cold build exited with ${cold.code}`);

    const server = startServer(content, path.join(work, "site"), path.join(work, "serve-cache"), await freePort());
    try {
      let started = performance.now();
      await server.report();
      const first = performance.now() - started;
      const rebuilds: number[] = [];
      for (let n = 1; n <= runs; n++) {
        // Eleventy's watcher settles after a build before it sees the next change.
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const report = server.report();
        started = performance.now();
        await appendFile(files.at(-1)!, dailyEntry(n));
        await report;
        rebuilds.push(performance.now() - started);
      }
      const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      const append = median(rebuilds);
      console.log(`N = ${entries.toLocaleString("en")} entries in ${files.length} files`);
      console.log(`  dotlog build, cold (with search)      ${seconds(cold.ms)}`);
      console.log(`  dotlog serve, first build (no cache)  ${seconds(first)}`);
      console.log(`  dotlog serve, append one entry        ${seconds(append)}  ${(append / cold.ms).toFixed(2)}× the cold build (the scale target for an append: ≤ 0.1×); median of ${runs}: ${rebuilds.map(seconds).join(", ")}`);
    } finally {
      await server.stop();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
