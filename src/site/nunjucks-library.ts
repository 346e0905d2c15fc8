// Eleventy's copy of nunjucks (a dependency of @11ty/eleventy), whatever else is installed: the
// compile cache builds on it, and pages written without Eleventy escape and filter as its
// templates do. Nunjucks ships no declarations: the parts dotlog uses.

import { createRequire } from "node:module";

export interface NunjucksTemplate {
  render(data: object, callback: (error: Error | null, result: string | null) => void): void;
}

export interface NunjucksFrame {
  variables: Record<string, unknown>;
  resolve(name: string, forWrite: boolean): NunjucksFrame | undefined;
  set(name: string, value: unknown, resolveUp?: boolean): void;
}

export interface NunjucksLibrary {
  Template: new (source: string, env: unknown, path: string | null, eagerCompile: boolean) => NunjucksTemplate;
  Environment: new () => { getFilter(name: string): (...args: unknown[]) => unknown };
  runtime: { Frame: { prototype: NunjucksFrame } };
  /** What autoescape does to a value. */
  lib: { escape(text: string): string };
}

export const nunjucks = createRequire(import.meta.resolve("@11ty/eleventy"))("nunjucks") as NunjucksLibrary;

const builtIn = new nunjucks.Environment();

/** Nunjucks' `truncate(length)` filter: cut at the last space before `length`, then "...". */
export function truncate(text: string, length: number): string {
  return String(builtIn.getFilter("truncate")(text, length));
}
