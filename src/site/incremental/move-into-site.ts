// An incremental build changes the site folder in place: the pages it wrote replace their
// namesakes one rename each (a reader sees the old file or the new one, never half of one), the
// search index is swapped as a whole folder, and pages that are gone are removed. Untouched
// pages are not copied at all — on this machine creating a file costs ~75 µs, so copying or
// linking a 24,000-page site would cost more than the rest of the rebuild.

import { readdirSync } from "node:fs";
import { mkdir, rename, rm, rmdir } from "node:fs/promises";
import path from "node:path";

/** Folders that are one unit of the site: replaced whole, never file by file. */
export const SITE_UNITS = ["pagefind"];

/** Every file of `dir` relative to it, with each unit folder listed once by its name (and not walked). */
export function listSiteFiles(dir: string): string[] {
  const files: string[] = [];
  // Synchronous: one call a folder, tens of thousands of folders, where promises cost more than the calls.
  const walk = (relative: string): void => {
    for (const item of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = relative === "" ? item.name : `${relative}/${item.name}`;
      if (relative === "" && SITE_UNITS.includes(item.name)) files.push(name);
      else if (item.isDirectory()) walk(name);
      else if (item.isFile()) files.push(name);
    }
  };
  walk("");
  return files;
}

/** Moves `files` (from `listSiteFiles`) from `fromDir` into `toDir`, replacing what is there. */
export async function moveInto(fromDir: string, toDir: string, files: readonly string[]): Promise<void> {
  const made = new Set<string>();
  for (const file of files) {
    const from = path.join(fromDir, file);
    const to = path.join(toDir, file);
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    if (SITE_UNITS.includes(file)) {
      const old = path.join(toDir, `.${file}.old-${process.pid}`);
      await rename(to, old).catch(() => {});
      await rename(from, to);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(from, to);
    }
  }
}

/** Removes `files` from `dir`, and the folders they leave empty. */
export async function removeFromSite(dir: string, files: readonly string[]): Promise<void> {
  const root = path.resolve(dir);
  for (const file of files) {
    const target = path.join(root, file);
    await rm(target, { recursive: true, force: true });
    for (let parent = path.dirname(target); parent !== root && parent.startsWith(root); parent = path.dirname(parent)) {
      const empty = await rmdir(parent).then(() => true, () => false);
      if (!empty) break;
    }
  }
}
