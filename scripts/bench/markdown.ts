// Issue 18's speed target: reading Markdown-era entries must not make a cold build more than 5%
// slower per entry than `.LOG` entries. The same corpus is made twice — as `.LOG` files and in
// the Markdown-era shape (make-corpus.ts `markdown`) — and each is built cold, in turns.
//
//   npm run bench -- markdown                      (N = 2,000 and 10,000; medians of 3 runs)
//   DOTLOG_BENCH_SIZES=2000 DOTLOG_BENCH_RUNS=1 npm run bench -- markdown
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makeCorpus } from "../make-corpus.ts";
import { measureChild } from "./measure-child.ts";
import { alternate, type Measured } from "./scale.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = path.join(root, "bin", "dotlog.js");
const sizes = (process.env.DOTLOG_BENCH_SIZES ?? "2000,10000").split(",").map(Number);
const runs = Number(process.env.DOTLOG_BENCH_RUNS ?? "3");

async function measureSize(entries: number, work: string): Promise<{ log: Measured; markdown: Measured }> {
  const sides = (["log", "markdown"] as const).map((format) => ({
    content: path.join(work, `content-${format}`),
    out: path.join(work, `site-${format}`),
    cache: path.join(work, `cache-${format}`),
    format,
  }));
  for (const side of sides) await makeCorpus(entries, side.content, side.format);
  const [log, markdown] = await alternate(
    runs,
    sides.map((side) => ({
      before: () => rm(side.cache, { recursive: true, force: true }),
      run: () => measureChild(process.execPath, [bin, "build", "--content", side.content, "--out", side.out, "--cache", side.cache]),
      out: side.out,
    })),
  );
  return { log: log!, markdown: markdown! };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const perEntry = (ms: number, entries: number) => `${(ms / entries).toFixed(2)} ms/entry`;

export async function run(): Promise<void> {
  for (const size of sizes) {
    const work = await mkdtemp(path.join(os.tmpdir(), `dotlog-markdown-${size}-`));
    try {
      const { log, markdown } = await measureSize(size, work);
      console.log(`N = ${size.toLocaleString("en")} entries, the same corpus in both shapes, cold builds in turns (median of ${runs})`);
      for (const [name, m] of [[".LOG", log], ["Markdown", markdown]] as const) {
        console.log(`  ${name.padEnd(9)} wall ${seconds(m.ms)} (${perEntry(m.ms, size)}), CPU ${seconds(m.cpuMs)} (${perEntry(m.cpuMs, size)}), peak ${m.rss.toFixed(0)} MiB`);
      }
      const wall = markdown.ms / log.ms;
      const cpu = markdown.cpuMs / log.cpuMs;
      console.log(`  Markdown / .LOG per entry: wall ${wall.toFixed(3)}×, CPU ${cpu.toFixed(3)}× (target ≤ 1.05×) ${wall <= 1.05 ? "✓" : "✗"}`);
    } finally {
      // The last build's replaced site may still be being removed in the background.
      await rm(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 500 });
    }
  }
}
