// What the dev server keeps of the page models from one rebuild to the next. An entry's
// summary and page are made again only when something they are made of is not what it was,
// and a kept model is the same object, so the incremental plan's hash of it is kept too
// (plan-pages.ts). On 10,000 entries the models and their hashes were ~0.5 s of a ~1.5 s
// rebuild after the daily new entry, for a handful of entries that changed.
//
// What a model is made of is listed as values compared with `===`: the entry's digest (its
// parse), what the merge gives it (id, URL), its body's HTML, and the kept models of other
// entries it shows (its neighbours, the entries that refer to it).

import type { EntryPage, EntrySummary } from "./types.ts";

interface Kept<T> {
  inputs: readonly unknown[];
  value: T;
}

/** What one kind of model keeps: last build's, and this build's as they are made. */
export interface KeptModels<T> {
  last: Map<string, Kept<T>>;
  next: Map<string, Kept<T>>;
}

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
  const same = memory.options === fingerprint;
  memory.options = fingerprint;
  for (const kept of [memory.summaries, memory.entries] as KeptModels<unknown>[]) {
    kept.last = same ? kept.next : new Map();
    kept.next = new Map();
  }
  if (!same) memory.hashes = new WeakMap();
  return memory;
}

/**
 * The model of `id` that the last build made of the same inputs (each compared with `===`), or
 * a new one from `make`. Either way it is kept for the next build; models of ids no build asks
 * for again are let go. Without a memory, or without inputs to compare, it is always made.
 */
export function remembered<T>(kept: KeptModels<T> | undefined, id: string, inputs: readonly unknown[] | null, make: () => T): T {
  if (!kept || inputs === null) return make();
  const last = kept.last.get(id);
  const value = last && sameInputs(last.inputs, inputs) ? last.value : make();
  kept.next.set(id, { inputs, value });
  return value;
}

function keptModels<T>(): KeptModels<T> {
  return { last: new Map(), next: new Map() };
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
