// The scale issue's figures: dotlog's cold, warm, warm-into-an-empty-folder and append-one-entry
// builds of N entries against plain Eleventy building the same entry texts as Markdown pages,
// in this one run. Each build's wall time, its ratio, and its CPU (user + system of every process).
//
//   npm run bench -- scale            (N = 1,000, 10,000 and 20,000; medians of 3 runs)
//   DOTLOG_BENCH_SIZES=1000 DOTLOG_BENCH_RUNS=1 npm run bench -- scale
import { spawnSync } from "node:child_process";
import { appendFile, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dailyEntry, makeCorpus } from "../make-corpus.ts";
import { findLogs, loadTimeline } from "../../src/log/index.ts";
import { buildBaseline, writeBaselineSite } from "./eleventy-baseline.ts";
import { describeProcesses, measureChild, median, type ChildRun } from "./measure-child.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = path.join(root, "bin", "dotlog.js");
const sizes = (process.env.DOTLOG_BENCH_SIZES ?? "1000,10000,20000").split(",").map(Number);
const runs = Number(process.env.DOTLOG_BENCH_RUNS ?? "3");
const cores = os.availableParallelism();

interface Figures {
  entries: number;
  files: number;
  baseline: Measured;
  cold: Measured;
  warm: Measured;
  /** Cache kept, site folder new and empty: every deploy of a CI or of Netlify. */
  warmEmpty: Measured;
  append: Measured;
}

/** Medians; `largest`: the largest processes of the last run (which one the peak RSS is). */
export type Measured = { ms: number; rss: number; cpuMs: number; largest: string };

/** One measured build: what to do before it (untimed), the build, and the site it replaces, if any. */
export interface Step {
  before: () => Promise<void>;
  run: () => Promise<ChildRun>;
  out?: string;
}

/**
 * Runs the steps in turn, `times` times over (A B A B …, not A A B B), so that a machine whose
 * speed drifts during the bench slows both sides of a ratio alike: on this VM the baseline alone
 * went from 7.4 to 10.9 s within an hour. Each step's figures are medians over its runs.
 */
export async function alternate<const S extends readonly Step[]>(times: number, steps: S): Promise<{ [K in keyof S]: Measured }> {
  const results: ChildRun[][] = steps.map(() => []);
  // A build replaces its site and removes the old one after it: no step runs beside that removal.
  const outs = [...new Set(steps.flatMap((step) => (step.out ? [step.out] : [])))];
  for (let i = 0; i < times; i++) {
    for (const [k, step] of steps.entries()) {
      await step.before();
      for (const out of outs) await replacedSitesRemoved(out);
      settleDisk();
      const result = await step.run();
      if (result.code !== 0) throw new Error(`a bench build exited with ${result.code}`);
      results[k]!.push(result);
    }
  }
  const measured = results.map((runs) => ({
    ms: median(runs.map((r) => r.ms)),
    rss: median(runs.map((r) => r.maxRssMiB)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    largest: describeProcesses(runs.at(-1)!),
  }));
  // One figure a step, in the steps' order: what `map` makes of a tuple, which TypeScript types as an array.
  return measured as { [K in keyof S]: Measured };
}

/**
 * Writes out what the file system still holds of the runs and removals before, so the next
 * measured build does not pay for them (this machine's ext4 is mounted with `discard`: a cold
 * 20,000-entry build took 31.5 s on its own, and a median of 37.1 s in the bench right after
 * the removal of the cache and the site of the run before).
 */
function settleDisk(): void {
  if (process.platform !== "win32") spawnSync("sync", { stdio: "ignore" });
}

/**
 * Waits until the sites earlier builds replaced are removed: their removal outlives the build
 * that replaced them (src/site/remove-in-background.ts) and would otherwise run beside the next
 * measured build, on the same disk, which an author's next build does not meet.
 */
async function replacedSitesRemoved(out: string): Promise<void> {
  const old = new RegExp(`^\\.${path.basename(out).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.old-\\d+$`);
  for (let waited = 0; waited < 120_000; waited += 100) {
    const names = await readdir(path.dirname(out)).catch(() => [] as string[]);
    if (!names.some((name) => old.test(name))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function measureSize(entries: number, work: string): Promise<Figures> {
  const content = path.join(work, "content");
  const out = path.join(work, "site");
  const cache = path.join(work, "cache");
  const files = await makeCorpus(entries, content);

  const timeline = await loadTimeline(await findLogs(content));
  const baselineDir = path.join(work, "baseline");
  await writeBaselineSite(
    timeline.entries.map((entry) => ({ title: entry.title, tag: entry.tags[0] ?? "untagged", text: entry.raw })),
    baselineDir,
  );
  const build = () => measureChild(process.execPath, [bin, "build", "--content", content, "--out", out, "--cache", cache]);
  // Baseline and cold builds take turns: their ratio is the target.
  const [baseline, cold] = await alternate(runs, [
    { before: () => rm(path.join(baselineDir, "out"), { recursive: true, force: true }), run: () => buildBaseline(baselineDir) },
    { before: () => rm(cache, { recursive: true, force: true }), run: build, out },
  ]);
  const [warm] = await alternate(runs, [{ before: async () => {}, run: build, out }]);
  const [warmEmpty] = await alternate(runs, [{ before: () => rm(out, { recursive: true, force: true }), run: build, out }]);
  const newest = files.at(-1)!;
  let appended = 0;
  const [append] = await alternate(runs, [
    {
      before: async () => {
        appended++;
        // A new last entry, minutes after the newest one, as the author's daily note.
        await appendFile(newest, dailyEntry(appended));
      },
      run: build,
      out,
    },
  ]);
  return { entries, files: files.length, baseline, cold, warm, warmEmpty, append };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export async function run(): Promise<void> {
  const all: Figures[] = [];
  for (const size of sizes) {
    const work = await mkdtemp(path.join(os.tmpdir(), `dotlog-scale-${size}-`));
    try {
      const f = await measureSize(size, work);
      all.push(f);
      console.log(`N = ${f.entries.toLocaleString("en")} entries in ${f.files} files (median of ${runs}; CPU: user + system of every process)`);
      const line = (name: string, m: Measured, compared: string): void => {
        console.log(`  ${name.padEnd(34)}${seconds(m.ms).padStart(7)}  ${compared.padEnd(34)}CPU ${seconds(m.cpuMs)}`);
      };
      line("baseline (Eleventy, Markdown)", f.baseline, `peak ${f.baseline.rss.toFixed(0)} MiB`);
      line("dotlog cold (with search)", f.cold, `${ratio(f.cold.ms, f.baseline.ms)} baseline`);
      if (Number.isFinite(f.cold.cpuMs)) {
        // However well a build spreads its work, it cannot end before its CPU divided by the cores.
        const floor = f.cold.cpuMs / cores;
        console.log(`    on ${cores} cores a cold build takes at least ${seconds(floor)}: ${ratio(floor, f.baseline.ms)} baseline (accepted: 1.95×, not to grow)`);
      }
      console.log(`    peak ${f.cold.rss.toFixed(0)} MiB, ${ratio(f.cold.rss, f.baseline.rss)} baseline (target ≤ 1.2×)`);
      line("dotlog warm (caches filled)", f.warm, `${ratio(f.warm.ms, f.baseline.ms)} baseline (target ≤ 1.0×)`);
      line("dotlog warm, empty output folder", f.warmEmpty, `${ratio(f.warmEmpty.ms, f.baseline.ms)} baseline (target ≤ 1.0×)`);
      line("append one entry + rebuild", f.append, `${ratio(f.append.ms, f.cold.ms)} cold (target ≤ 0.1×)`);
      for (const [name, m] of [["cold", f.cold], ["warm", f.warm], ["warm, empty folder", f.warmEmpty], ["append", f.append]] as const) {
        if (m.largest) console.log(`    largest processes, ${name}: ${m.largest}`);
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  const bySize = new Map(all.map((f) => [f.entries, f]));
  const [small, middle, large] = [bySize.get(1000), bySize.get(10000), bySize.get(20000)];
  if (small && middle && large) {
    const early = (middle.cold.ms - small.cold.ms) / (middle.entries - small.entries);
    const late = (large.cold.ms - middle.cold.ms) / (large.entries - middle.entries);
    console.log(`marginal time per entry: ${early.toFixed(2)} ms (1k→10k), ${late.toFixed(2)} ms (10k→20k), ratio ${ratio(late, early)} (target ≤ 1.2×)`);
  }
}
