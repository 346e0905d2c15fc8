// Models a process that builds again and again (the dev server) keeps from one build to the
// next: a model is made again only when something it is made of is not what it was. What a
// model is made of is listed as values compared with `===` (strings by their text, models by
// identity: a kept model stands for everything it was made of).

interface Kept<T> {
  inputs: readonly unknown[];
  value: T;
}

/** What one kind of model keeps: the last build's, and this build's as they are made. */
export interface KeptModels<T> {
  last: Map<string, Kept<T>>;
  next: Map<string, Kept<T>>;
}

export function keptModels<T>(): KeptModels<T> {
  return { last: new Map(), next: new Map() };
}

/** Starts a build: what the last one made is kept for it, or, `reset`, nothing. */
export function nextBuild<T>(kept: KeptModels<T>, reset = false): KeptModels<T> {
  kept.last = reset ? new Map() : kept.next;
  kept.next = new Map();
  return kept;
}

/**
 * The model of `id` that the last build made of the same inputs, or a new one from `make`.
 * Either way it is kept for the next build; models of ids no build asks for again are let go.
 * Without a memory, or without inputs to compare (`null`), it is always made.
 */
export function remembered<T>(kept: KeptModels<T> | undefined, id: string, inputs: readonly unknown[] | null, make: () => T): T {
  if (!kept || inputs === null) return make();
  const last = kept.last.get(id);
  const value = last && sameInputs(last.inputs, inputs) ? last.value : make();
  kept.next.set(id, { inputs, value });
  return value;
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
