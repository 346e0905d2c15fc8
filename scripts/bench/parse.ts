// The parser's speed against reading the same bytes and splitting them into lines, and its
// peak memory against the input size (issue 2: at least 1/10 of the split speed, at most 8×
// the input). Each side runs in its own child process so their memory does not mix.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CORPUS = ["log200708.txt", "log20100215.txt", "log201204novell.txt", "log2013.txt"].map((name) => join(ROOT, "test/fixtures/corpus", name));
const TARGET_BYTES = 50 * 1024 * 1024;
// Eight years keeps leap days on leap years; the corpus spans 2007–2013.
const YEARS_PER_ROUND = 8;
// Stamps, and the stamps quoted in references, all start with `H:MM YYYY`.
const STAMP_YEAR = /(\b\d{1,2}:\d{2}[ \t]+)(\d{4})(?=[-/])/g;

export interface ChildReport {
  ms: number;
  /** CPU time (user + system, all threads): steadier than wall time on a shared machine. */
  cpuMs: number;
  entries: number;
  lines: number;
  baselineRss: number;
  peakRss: number;
  /** CPU ms of each stage, in `phases` mode. */
  phases: Record<string, number>;
}

/** The corpus again and again with its years shifted, until it is at least 50 MB. */
export function makeLargeLog(): Buffer {
  const texts = CORPUS.map((path) => readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  const parts: string[] = [];
  let bytes = 0;
  for (let round = 0; bytes < TARGET_BYTES; round++) {
    for (const text of texts) {
      const shifted = text.replace(STAMP_YEAR, (_, time: string, year: string) => time + (Number(year) + round * YEARS_PER_ROUND));
      parts.push(shifted.endsWith("\n") ? shifted : shifted + "\n");
      bytes += Buffer.byteLength(shifted) + 1;
    }
  }
  return Buffer.from(parts.join(""), "utf8");
}

function runChild(mode: "split" | "parse" | "phases", file: string): ChildReport {
  const child = join(ROOT, "scripts/bench/parse-child.ts");
  const result = spawnSync(process.execPath, ["--import", "tsx", child, mode, file], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${mode} child failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildReport;
}

const MiB = 1024 * 1024;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "dotlog-bench-"));
  try {
    const file = join(dir, "large.log");
    const log = makeLargeLog();
    writeFileSync(file, log);
    const size = log.length / MiB;
    console.log(`input: ${fmt(size)} MB, the 4 corpus files repeated with shifted years`);

    const split = runChild("split", file);
    const parse = runChild("parse", file);
    const speed = (ms: number) => size / (ms / 1000);
    const memory = (parse.peakRss - parse.baselineRss) / log.length;
    console.log(`read + split into lines: ${fmt(speed(split.ms))} MB/s wall, ${fmt(speed(split.cpuMs))} MB/s CPU (${split.lines} lines)`);
    console.log(`read + parse (loadTimeline): ${fmt(speed(parse.ms))} MB/s wall, ${fmt(speed(parse.cpuMs))} MB/s CPU (${parse.entries} entries)`);
    const ratio = parse.cpuMs / split.cpuMs;
    console.log(
      `ratio: parsing is 1/${fmt(ratio)} of the split speed by CPU time, 1/${fmt(parse.ms / split.ms)} by wall time (target: 1/10 or better) ${ratio <= 10 ? "✓" : "✗"}`,
    );
    const { phases } = runChild("phases", file);
    const staged = Object.values(phases).reduce((a, b) => a + b, 0);
    const stages = { ...phases, "merge (the rest of loadTimeline)": Math.max(0, parse.cpuMs - staged) };
    console.log("where the parser's CPU time goes:");
    for (const [name, ms] of Object.entries(stages)) console.log(`  ${name.padEnd(34)} ${fmt(ms / 1000, 2)} s  ${fmt((100 * ms) / parse.cpuMs, 0)}%`);
    console.log(
      `peak memory: ${fmt((parse.peakRss - parse.baselineRss) / MiB, 0)} MB over a ${fmt(parse.baselineRss / MiB, 0)} MB baseline = ${fmt(memory)}× the input (target: 8× or less) ${memory <= 8 ? "✓" : "✗"}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
