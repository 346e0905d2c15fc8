import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manifestFile, readManifest, sameSite, stampSite, writeManifest, type PageManifest } from "./page-manifest.ts";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "dotlog-manifest-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function manifestOf(site: string): Promise<PageManifest> {
  mkdirSync(site, { recursive: true });
  const stamp = await stampSite(site);
  if (!stamp) throw new Error("no site folder");
  return { identity: "abc", site: stamp, pages: { "2012/11/07/index.html": "h1" }, folders: { "2012/11/07": [1_700_000_000_000.5, ["index.html", "1252-gtd/"]] } };
}

describe("the page manifest", () => {
  it("reads back what was written, one file per site folder", async () => {
    const cache = path.join(root, "cache");
    const a = await manifestOf(path.join(root, "a"));
    const b = await manifestOf(path.join(root, "b"));
    await writeManifest(cache, a);
    await writeManifest(cache, b);
    expect(await readManifest(cache, path.join(root, "a"))).toEqual(a);
    expect(await readManifest(cache, path.join(root, "b"))).toEqual(b);
  });

  it("is not trusted when damaged", async () => {
    const cache = path.join(root, "cache");
    const site = path.join(root, "site");
    await writeManifest(cache, await manifestOf(site));
    const file = manifestFile(cache, site);
    writeFileSync(file, readFileSync(file, "utf8").replace('"h1"', '"h2"'));
    expect(await readManifest(cache, site)).toBeNull();
    writeFileSync(file, "{ not json");
    expect(await readManifest(cache, site)).toBeNull();
  });

  it("keeps the manifests of the eight site folders built last", async () => {
    const cache = path.join(root, "cache");
    for (let i = 0; i < 10; i++) {
      const manifest = await manifestOf(path.join(root, `site-${i}`));
      await writeManifest(cache, manifest);
      // Older first: one second apart, whatever the file system's time resolution.
      const when = new Date(Date.UTC(2026, 0, 1, 0, 0, i));
      utimesSync(manifestFile(cache, manifest.site.path), when, when);
    }
    await writeManifest(cache, await manifestOf(path.join(root, "site-9")));
    expect(readdirSync(cache)).toHaveLength(8);
    expect(await readManifest(cache, path.join(root, "site-0"))).toBeNull();
    expect(await readManifest(cache, path.join(root, "site-1"))).toBeNull();
    expect(await readManifest(cache, path.join(root, "site-9"))).not.toBeNull();
  });
});

describe("stampSite", () => {
  it("survives a rename into place but not a folder made anew", async () => {
    const staging = path.join(root, ".site.building");
    const site = path.join(root, "site");
    mkdirSync(staging);
    const before = await stampSite(staging, site);
    renameSync(staging, site);
    const after = await stampSite(site);
    expect(before && after && sameSite(before, after)).toBe(true);
    rmSync(site, { recursive: true });
    mkdirSync(path.join(root, "other"));
    mkdirSync(site);
    const anew = await stampSite(site);
    expect(before && anew && sameSite(before, anew)).toBe(false);
    expect(await stampSite(path.join(root, "missing"))).toBeNull();
  });
});
