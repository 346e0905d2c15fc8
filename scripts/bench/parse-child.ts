// One side of the parser benchmark, in a process of its own: `split` reads the file and
// splits it into lines, `parse` reads and parses it, `phases` times the parser's stages one
// by one (where to look for hot spots). Prints a ChildReport as JSON.

import { readFileSync } from "node:fs";
import { decode } from "../../src/log/decode.ts";
import { loadTimeline } from "../../src/log/index.ts";
import { parseEntry } from "../../src/log/parse-entry.ts";
import { splitEntries } from "../../src/log/split-entries.ts";
import type { ChildReport } from "./parse.ts";

const [mode, file] = process.argv.slice(2) as ["split" | "parse" | "phases", string];
const baselineRss = process.memoryUsage.rss();
const started = performance.now();
const cpuStarted = process.cpuUsage();
let entries = 0;
let lines = 0;
const phases: Record<string, number> = {};
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
if (mode === "split") {
  lines = readFileSync(file, "utf8").split(/\r\n|\n|\r/).length;
} else if (mode === "phases") {
  let at = cpuNow();
  const lap = (name: string) => {
    phases[name] = cpuNow() - at;
    at = cpuNow();
  };
  const { text } = decode(file, readFileSync(file));
  lap("read + decode");
  const split = splitEntries(file, text);
  lap("split into entries and lines");
  // Kept, as the timeline keeps them, so that collecting garbage costs what it costs there.
  const parsed = split.entries.map((raw) => parseEntry(raw, { dateOrder: split.dateOrder }));
  lap("parseEntry");
  entries = parsed.length;
} else {
  const timeline = await loadTimeline([file]);
  entries = timeline.entries.length;
}
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
const cpuMs = (cpu.user + cpu.system) / 1000;
// maxRSS is in kilobytes.
const report: ChildReport = { ms, cpuMs, entries, lines, baselineRss, peakRss: process.resourceUsage().maxRSS * 1024, phases };
process.stdout.write(JSON.stringify(report));
