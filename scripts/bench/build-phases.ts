// When each phase of one build starts (from the build's own progress reports), and the peak
// RSS of this process: the first look before a CPU profile.
//
//   node --import tsx scripts/bench/build-phases.ts <content> <out> [<cache>]
//   node --cpu-prof --import tsx scripts/bench/build-phases.ts …   (then read the .cpuprofile)
import { buildSite } from "../../src/site/build-site.ts";

const [contentDir, outDir, cacheDir] = process.argv.slice(2);
if (!contentDir || !outDir) {
  console.error("usage: build-phases.ts <content> <out> [<cache>]");
  process.exit(2);
}
const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
let phase = "";
const { summary } = await buildSite({
  contentDir,
  outDir,
  ...(cacheDir ? { cacheDir } : {}),
  progress(next) {
    if (next === phase) return;
    phase = next;
    console.log(`${seconds().padStart(7)}  ${next}`);
  },
});
console.log(`${seconds().padStart(7)}  done: ${summary.pages.toLocaleString("en")} pages, ${(summary.searchRecords ?? 0).toLocaleString("en")} search records`);
console.log(`peak RSS of this process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB (Pagefind's own process not counted)`);
