// Nunjucks templates compiled once a build, not once a page, and imported macro files run once. Eleventy 3.1 opts Nunjucks out of
// its compile cache ("moved to Nunjucks' internal cache"), but that cache only holds templates
// loaded by name: a paginated template's content — and its permalink — is compiled again for
// each of its pages. On 10,000 entries that was ~12 s of a ~45 s build (CPU profile).
//
// `{% import "macros.njk" as macros %}` (without context) also ran the macro file's root on
// every page to collect its macros: ~2.5 s on the same build. Without context the macros see
// nothing of the page, so the collected macros are kept per loaded template and reused.
//
// This re-registers `.njk` as a custom template syntax whose compiled function Eleventy may
// cache (`compileOptions.cache`), built on Eleventy's own Nunjucks environment and the same
// `nunjucks` module Eleventy uses, so filters, tags and `{% extends %}` behave as before.
//
// Every `{% for %}` iteration sets eight variables (`loop.index`, `loop.first`, …), and
// Nunjucks' `Frame.set` splits each name at its dots every time: ~3.5 million splits on
// 10,000 entries. The split of a name is kept (names come from the templates, a few dozen).

import type { EleventyUserConfig } from "@11ty/eleventy";
import { nunjucks, type NunjucksFrame } from "./nunjucks-library.ts";

type Callback<T> = (error: Error | null, result: T) => void;
interface LoadedTemplate {
  getExported(...args: unknown[]): void;
}
interface NunjucksEnvironment {
  getTemplate(...args: unknown[]): unknown;
}

export function cacheNunjucksCompiles(eleventyConfig: EleventyUserConfig): void {
  splitVariableNamesOnce(nunjucks.runtime.Frame.prototype);
  let env: unknown;
  eleventyConfig.amendLibrary("njk", (library: unknown) => {
    env = library;
    reuseImportedMacros(library as NunjucksEnvironment);
  });
  eleventyConfig.addExtension("njk", {
    key: "njk",
    // `permalink: true`: permalink strings are templates too (`permalink: "{{ entry.url }}"`).
    compileOptions: { cache: true, permalink: true },
    compile(source: string, inputPath: string) {
      if (env === undefined) throw new Error("Eleventy's Nunjucks environment was not created");
      const path = !inputPath || inputPath === "njk" ? null : inputPath;
      const template = new nunjucks.Template(source, env, path, false);
      return (data: object) =>
        new Promise<string>((resolve, reject) => {
          template.render(plainCopy(data), (error, result) => (error ? reject(error) : resolve(result ?? "")));
        });
    },
  });
}

/**
 * A paginated page's data is a Proxy over the template's data (Eleventy's ProxyWrap), and
 * Nunjucks copies the top level of it into each render's context with `for…in` and
 * `hasOwnProperty`: three traps a key, ~24 µs a render (a page renders twice, permalink and
 * content: ~0.7 s on 10,000 entries). One `ownKeys` trap and a read a key give the same values.
 */
function plainCopy(data: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Reflect.ownKeys(data)) if (typeof key === "string") copy[key] = (data as Record<string, unknown>)[key];
  return copy;
}

const splitNames = new Map<string, string[]>();

/** Nunjucks' own `Frame.set` (runtime.js), with the split of each name kept. */
export function splitVariableNamesOnce(frame: NunjucksFrame): void {
  frame.set = function set(this: NunjucksFrame, name: string, value: unknown, resolveUp?: boolean): void {
    let parts = splitNames.get(name);
    if (parts === undefined) splitNames.set(name, (parts = name.split(".")));
    if (resolveUp) {
      const owner = this.resolve(parts[0]!, true);
      if (owner) return owner.set(name, value);
    }
    let target = this.variables;
    const last = parts.length - 1;
    for (let i = 0; i < last; i++) target = (target[parts[i]!] ||= {}) as Record<string, unknown>;
    target[parts[last]!] = value;
  };
}

/** Templates loaded by name answer an import without context once; a changed file is a new template. */
function reuseImportedMacros(env: NunjucksEnvironment): void {
  const patched = new WeakSet<LoadedTemplate>();
  const getTemplate = env.getTemplate.bind(env);
  env.getTemplate = (...args: unknown[]) => {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback !== "function") return getTemplate(...args);
    args[last] = (error: Error | null, template: LoadedTemplate | null) => {
      if (template && !patched.has(template)) {
        patched.add(template);
        memoizeExports(template);
      }
      (callback as Callback<LoadedTemplate | null>)(error, template);
    };
    return getTemplate(...args);
  };
}

function memoizeExports(template: LoadedTemplate): void {
  const getExported = template.getExported.bind(template);
  let exported: unknown;
  template.getExported = (...args: unknown[]) => {
    // `{% import … with context %}` passes the page's variables: those calls run as before.
    if (args.length !== 1 || typeof args[0] !== "function") return getExported(...args);
    const callback = args[0] as Callback<unknown>;
    if (exported !== undefined) return callback(null, exported);
    getExported((error: Error | null, result: unknown) => {
      if (!error) exported = result;
      callback(error, result);
    });
  };
}
