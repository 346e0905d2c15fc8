// One side of the parser benchmark, in a process of its own: `split` reads the file and
// splits it into lines, `parse` reads and parses it. Prints a ChildReport as JSON.

import { readFileSync } from "node:fs";
import { loadTimeline } from "../../src/log/index.ts";
import type { ChildReport } from "./parse.ts";

const [mode, file] = process.argv.slice(2) as ["split" | "parse", string];
const baselineRss = process.memoryUsage.rss();
const started = performance.now();
const cpuStarted = process.cpuUsage();
let entries = 0;
let lines = 0;
if (mode === "split") {
  lines = readFileSync(file, "utf8").split(/\r\n|\n|\r/).length;
} else {
  const timeline = await loadTimeline([file]);
  entries = timeline.entries.length;
}
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
const cpuMs = (cpu.user + cpu.system) / 1000;
// maxRSS is in kilobytes.
const report: ChildReport = { ms, cpuMs, entries, lines, baselineRss, peakRss: process.resourceUsage().maxRSS * 1024 };
process.stdout.write(JSON.stringify(report));
