// Two built sites compared file for file and byte for byte, and the content folder the build
// tests compare sites of.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/site/build-site.ts";

const SEED = path.resolve("content/000_76b23a5250f26162.txt");
const CORPUS = path.resolve("test/fixtures/corpus/log2013.txt");

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((item) => item.isFile())
    .map((item) => path.relative(dir, path.join(item.parentPath, item.name)))
    .sort();
}

/** Files only one site has, and files whose bytes differ. */
export function siteDifferences(a: string, b: string): { onlyA: string[]; onlyB: string[]; differing: string[] } {
  const filesA = filesUnder(a);
  const filesB = new Set(filesUnder(b));
  const setA = new Set(filesA);
  return {
    onlyA: filesA.filter((file) => !filesB.has(file)),
    onlyB: [...filesB].filter((file) => !setA.has(file)),
    differing: filesA.filter((file) => filesB.has(file) && !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file)))),
  };
}

/**
 * A content folder under a new temporary `root`, as the build tests change it step by step: the
 * seed log, a corpus month, and a `dotlog.config.json` naming the site `title`.
 */
export function authorContent(prefix: string, title: string): { root: string; content: string; seedLog: string } {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const content = path.join(root, "content");
  mkdirSync(content);
  const seedLog = path.join(content, path.basename(SEED));
  copyFileSync(SEED, seedLog);
  copyFileSync(CORPUS, path.join(content, path.basename(CORPUS)));
  writeFileSync(path.join(content, "dotlog.config.json"), JSON.stringify({ title }));
  return { root, content, seedLog };
}

/** How `site` differs from a build of `content` without any cache (made in a folder under `scratch`, then removed). */
export async function differencesFromBuildWithoutCache(site: string, content: string, scratch: string): Promise<ReturnType<typeof siteDifferences>> {
  const fresh = mkdtempSync(path.join(scratch, "full-"));
  const full = path.join(fresh, "site");
  await buildSite({ contentDir: content, outDir: full });
  try {
    return siteDifferences(site, full);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}
