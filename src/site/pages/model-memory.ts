// What the dev server keeps of the page models from one rebuild to the next (kept-models.ts):
// an entry's summary and page are made again only when something they are made of is not what
// it was, and a kept model is the same object, so the incremental plan's hash of it is kept too
// (plan-pages.ts). On 10,000 entries the models and their hashes were ~0.5 s of a ~1.5 s
// rebuild after the daily new entry, for a handful of entries that changed.

import { keptModels, nextBuild, type KeptModels } from "../kept-models.ts";
import type { EntryPage, EntrySummary } from "./types.ts";

export interface ModelMemory {
  /** The options the kept models were made with: other options, and nothing is kept. */
  options?: string;
  summaries: KeptModels<EntrySummary>;
  entries: KeptModels<EntryPage>;
  /** The incremental plan's hash of each kept model. */
  hashes: WeakMap<object, string>;
}

export function newModelMemory(): ModelMemory {
  return { summaries: keptModels(), entries: keptModels(), hashes: new WeakMap() };
}

/**
 * Starts a build's models: what the last build made is kept for this one when it was made
 * with the same options. Returns the memory to make the models with.
 */
export function startModels(memory: ModelMemory, options: unknown): ModelMemory {
  const fingerprint = JSON.stringify(options);
  const reset = memory.options !== fingerprint;
  memory.options = fingerprint;
  nextBuild(memory.summaries, reset);
  nextBuild(memory.entries, reset);
  if (reset) memory.hashes = new WeakMap();
  return memory;
}
