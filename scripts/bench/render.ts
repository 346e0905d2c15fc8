// Render section of `npm run bench`: every entry of the seed and the corpus logs rendered once
// with a fresh renderer (cold: each block highlighted for the first time), then again (warm:
// identical blocks come from the cache). Reports entries rendered per second and Shiki's
// share of the time.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadTimeline } from "../../src/log/index.ts";
import type { Timeline } from "../../src/log/types.ts";
import { createRenderer, type Renderer } from "../../src/render/index.ts";

const ROOT = join(import.meta.dirname, "../..");

async function pass(renderer: Renderer, timeline: Timeline): Promise<{ ms: number; shikiMs: number; bytes: number }> {
  const shikiBefore = renderer.stats.shikiMs;
  let bytes = 0;
  const started = performance.now();
  for (const entry of timeline.entries) bytes += (await renderer.renderEntry(entry, timeline)).length;
  return { ms: performance.now() - started, shikiMs: renderer.stats.shikiMs - shikiBefore, bytes };
}

export async function run(): Promise<void> {
  const corpus = join(ROOT, "test/fixtures/corpus");
  const files = [join(ROOT, "content/000_76b23a5250f26162.txt"), ...readdirSync(corpus).filter((f) => f.endsWith(".txt")).map((f) => join(corpus, f))];
  const timeline = await loadTimeline(files);
  const blocks = timeline.entries.reduce((sum, entry) => sum + entry.blocks.length, 0);

  const created = performance.now();
  const renderer = await createRenderer();
  const setupMs = performance.now() - created;
  const cold = await pass(renderer, timeline);
  const warm = await pass(renderer, timeline);

  const rate = (ms: number) => Math.round((timeline.entries.length / ms) * 1000);
  const share = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;
  console.log(`input: ${timeline.entries.length} entries, ${blocks} literal blocks, ${files.length} files`);
  console.log(`renderer created in ${setupMs.toFixed(0)} ms (Shiki, its themes and each language load with the first block that needs them: part of "cold")`);
  console.log(`cold: ${rate(cold.ms)} entries/s (${cold.ms.toFixed(0)} ms), Shiki ${share(cold.shikiMs, cold.ms)} of the time (${cold.shikiMs.toFixed(0)} ms)`);
  console.log(`warm: ${rate(warm.ms)} entries/s (${warm.ms.toFixed(0)} ms), Shiki ${share(warm.shikiMs, warm.ms)} of the time (identical blocks cached)`);
  console.log(`Shiki calls ${renderer.stats.calls}, cache hits ${renderer.stats.cacheHits}; languages loaded: ${renderer.highlight.loadedLanguages().join(", ")}`);
  console.log(`HTML out: ${(cold.bytes / 1024).toFixed(0)} KiB; stylesheet ${(renderer.css.length / 1024).toFixed(1)} KiB`);
}
