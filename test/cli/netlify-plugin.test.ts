// netlify.toml's build plugin, read the way Netlify reads it: @netlify/config parses the TOML
// (smol-toml) and checks each `[[plugins]]` entry; @netlify/build resolves a local plugin's path
// from the build folder, loads its `manifest.yml` (the `yaml` package), checks the entry's
// inputs against it, imports the module and accepts only event handlers among its exports.
// Then the plugin's hooks run over a fake `utils.cache` that moves folders as
// @netlify/cache-utils does, through two deploys: the second gets the first one's cache.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse as parseToml } from "smol-toml";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import { DEFAULT_CACHE_DIR } from "../../src/cli/build.ts";
import { repoRoot } from "./run-dotlog.ts";

// @netlify/config's events (packages/config/src/events.ts).
const EVENTS = ["onPreBuild", "onBuild", "onPostBuild", "onSuccess", "onError", "onEnd"];
const DEV_EVENTS = ["onPreDev", "onDev"];

interface PluginEntry {
  package: string;
  inputs?: Record<string, unknown>;
  pinned_version?: string;
}

interface Manifest {
  name: string;
  inputs?: { name: string; required?: boolean; default?: unknown }[];
}

type Hook = (options: { utils: { cache: FakeCache } }) => Promise<void>;

const config = parseToml(readFileSync(path.join(repoRoot, "netlify.toml"), "utf8")) as { plugins?: PluginEntry[] };
const plugins = config.plugins ?? [];

/** @netlify/build's resolve.ts: a package starting with "/" is relative to the build folder, like "./". */
function resolveLocalPlugin(entry: PluginEntry): string {
  const local = entry.package.startsWith("/") ? `.${entry.package}` : entry.package;
  return createRequire(path.join(repoRoot, "package.json")).resolve(local);
}

/** manifest/path.ts, load.ts and validate.ts. */
function loadManifest(pluginPath: string): Manifest {
  const dir = path.dirname(pluginPath);
  const file = ["manifest.yml", "manifest.yaml"].map((name) => path.join(dir, name)).find((candidate) => existsSync(candidate));
  expect(file, "the plugin's manifest.yml").toBeDefined();
  const manifest = parseYaml(readFileSync(file!, "utf8"), { logLevel: "error" }) as unknown;
  expect(manifest).toBeTypeOf("object");
  expect(Object.keys(manifest as object).every((key) => ["name", "inputs"].includes(key))).toBe(true);
  expect((manifest as Manifest).name).toBeTypeOf("string");
  return manifest as Manifest;
}

/** child/load.ts and validate.ts: the module's exports (or its default export) are all event handlers. */
async function loadHooks(pluginPath: string): Promise<Record<string, Hook>> {
  const module = (await import(pathToFileURL(pluginPath).href)) as Record<string, unknown>;
  const logic = (module["default"] ?? module) as Record<string, unknown>;
  for (const [name, value] of Object.entries(logic)) {
    expect([name, [...EVENTS, ...DEV_EVENTS].includes(name)]).toEqual([name, true]);
    expect([name, typeof value]).toEqual([name, "function"]);
  }
  return logic as Record<string, Hook>;
}

/**
 * `utils.cache` as @netlify/cache-utils does it: paths relative to the build folder, kept in a
 * cache folder of Netlify's; `move` renames instead of copying, and restoring a path that is
 * not cached (or saving one that does not exist) does nothing and says false.
 */
class FakeCache {
  readonly calls: [string, string, { move?: boolean } | undefined][] = [];
  constructor(
    readonly buildDir: string,
    readonly cacheDir: string,
  ) {}
  async restore(file: string, options?: { move?: boolean }): Promise<boolean> {
    this.calls.push(["restore", file, options]);
    return this.transfer(path.join(this.cacheDir, file), path.join(this.buildDir, file), options);
  }
  async save(file: string, options?: { move?: boolean }): Promise<boolean> {
    this.calls.push(["save", file, options]);
    return this.transfer(path.join(this.buildDir, file), path.join(this.cacheDir, file), options);
  }
  private transfer(from: string, to: string, options?: { move?: boolean }): boolean {
    if (!existsSync(from)) return false;
    rmSync(to, { recursive: true, force: true });
    mkdirSync(path.dirname(to), { recursive: true });
    if (!options?.move) throw new Error("a copy of thousands of cache files on every deploy: the plugin should move them");
    renameSync(from, to);
    return true;
  }
}

describe("netlify.toml's build plugin, as Netlify loads it", () => {
  it("is one local plugin whose entry @netlify/config accepts", () => {
    expect(plugins).toHaveLength(1);
    for (const entry of plugins) {
      expect(Object.keys(entry).every((key) => ["package", "pinned_version", "inputs"].includes(key))).toBe(true);
      expect(entry.package).toBeTypeOf("string");
      expect(entry.package.startsWith(".") || entry.package.startsWith("/")).toBe(true);
      if (entry.inputs !== undefined) expect(Object.getPrototypeOf(entry.inputs)).toBe(Object.prototype);
    }
  });

  it("resolves from the build folder to a module with a manifest, takes the inputs the manifest declares, and exports only event handlers", async () => {
    for (const entry of plugins) {
      const pluginPath = resolveLocalPlugin(entry);
      expect(pluginPath.startsWith(repoRoot)).toBe(true);
      const manifest = loadManifest(pluginPath);
      // manifest/check.ts: no unknown input, every required one given.
      const known = (manifest.inputs ?? []).map((input) => input.name);
      expect(Object.keys(entry.inputs ?? {}).filter((name) => !known.includes(name))).toEqual([]);
      for (const input of manifest.inputs ?? []) if (input.required) expect(entry.inputs?.[input.name]).toBeDefined();
      const hooks = await loadHooks(pluginPath);
      expect(Object.keys(hooks).sort()).toEqual(["onPostBuild", "onPreBuild"]);
    }
  });

  it("keeps the cache `npm run build` writes: dotlog's default, as the build command passes no --cache", () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect((config as { build?: { command?: string } }).build?.command).toBe("npm run build");
    expect(pkg.scripts["build"]).toBe("node bin/dotlog.js build");
    expect(DEFAULT_CACHE_DIR).toBe(".cache");
  });

  describe("through two deploys", () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), "dotlog-netlify-plugin-"));
      vi.spyOn(console, "log").mockImplementation(() => {});
    });
    afterEach(() => {
      vi.restoreAllMocks();
      rmSync(root, { recursive: true, force: true });
    });

    it("restores before the build what the deploy before saved after its build", async () => {
      const hooks = await loadHooks(resolveLocalPlugin(plugins[0]!));
      const netlifyCache = path.join(root, "netlify-cache");
      const deploy = async (name: string, build: (buildDir: string) => void): Promise<FakeCache> => {
        // Each deploy starts from a fresh clone: no .cache, no site.
        const cache = new FakeCache(path.join(root, name), netlifyCache);
        mkdirSync(cache.buildDir);
        await hooks["onPreBuild"]!({ utils: { cache } });
        build(cache.buildDir);
        await hooks["onPostBuild"]!({ utils: { cache } });
        return cache;
      };

      let seen: string[] | null = null;
      const first = await deploy("first", (buildDir) => {
        expect(existsSync(path.join(buildDir, DEFAULT_CACHE_DIR))).toBe(false);
        mkdirSync(path.join(buildDir, DEFAULT_CACHE_DIR, "pages", "store"), { recursive: true });
        writeFileSync(path.join(buildDir, DEFAULT_CACHE_DIR, "pages", "store", "index.json"), "{}");
      });
      const second = await deploy("second", (buildDir) => {
        seen = readdirSync(path.join(buildDir, DEFAULT_CACHE_DIR, "pages", "store"));
      });
      expect(seen).toEqual(["index.json"]);
      for (const cache of [first, second]) {
        expect(cache.calls).toEqual([
          ["restore", DEFAULT_CACHE_DIR, { move: true }],
          ["save", DEFAULT_CACHE_DIR, { move: true }],
        ]);
      }
    });
  });
});
