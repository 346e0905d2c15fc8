// An incremental build changes the site folder in place: the pages it wrote replace their
// namesakes one rename each (a reader sees the old file or the new one, never half of one), the
// search index is swapped as a whole folder, and pages that are gone are removed. Untouched
// pages are not copied at all — on this machine creating a file costs ~75 µs, so copying or
// linking a 24,000-page site would cost more than the rest of the rebuild.

import { lstatSync, readdirSync } from "node:fs";
import { mkdir, rename, rm, rmdir } from "node:fs/promises";
import path from "node:path";

/** Folders that are one unit of the site: replaced whole, never file by file. */
export const SITE_UNITS = ["pagefind"];

/**
 * A folder of the site as a listing read it: its modification time, and its files and
 * folders (a folder's name ends in "/"). Keyed by the folder's path in the site ("" for the site).
 */
export type SiteFolders = Record<string, [mtimeMs: number, names: string[]]>;

export interface SiteListing {
  /** Every file, relative to the site folder, each unit folder listed once by its name. */
  files: string[];
  /** What a later listing may take as it is while a folder's time has not changed. */
  folders: SiteFolders;
}

/**
 * A folder changed this recently is not recorded: a change within the same tick of the
 * file system's clock would leave its time as it is.
 */
export const RACY_MS = 2000;

/** Every file of `dir` relative to it, with each unit folder listed once by its name (and not walked). */
export function listSiteFiles(dir: string): string[] {
  return listSite(dir).files;
}

/**
 * Every file of `dir`, as `listSiteFiles`. A folder of `known` whose modification time is the
 * recorded one is not read again: adding, removing or renaming anything in a folder changes its
 * time (a page deleted by hand, a file put there), so its entries are the recorded ones. Each
 * folder is still looked at (one `lstat`, against a `readdir` — ~5× the time on 24,000 folders).
 */
export function listSite(dir: string, known: SiteFolders = {}): SiteListing {
  const files: string[] = [];
  const folders: SiteFolders = {};
  const settled = Date.now() - RACY_MS;
  // Synchronous: one call a folder, tens of thousands of folders, where promises cost more than the calls.
  const walk = (relative: string): void => {
    const full = path.join(dir, relative);
    // The time before the entries: a change after it shows as another time next build.
    const { mtimeMs } = lstatSync(full);
    const record = known[relative];
    const names = record !== undefined && record[0] === mtimeMs ? record[1] : readNames(full);
    if (mtimeMs < settled) folders[relative] = [mtimeMs, names];
    for (const name of names) {
      const isFolder = name.endsWith("/");
      const child = relative === "" ? (isFolder ? name.slice(0, -1) : name) : `${relative}/${isFolder ? name.slice(0, -1) : name}`;
      if (relative === "" && isFolder && SITE_UNITS.includes(child)) files.push(child);
      else if (isFolder) walk(child);
      else files.push(child);
    }
  };
  walk("");
  return { files, folders };
}

/** A folder's files and folders (a folder's name with "/"); other kinds of entries are no part of a site. */
function readNames(dir: string): string[] {
  const names: string[] = [];
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    if (item.isDirectory()) names.push(`${item.name}/`);
    else if (item.isFile()) names.push(item.name);
  }
  return names;
}

/**
 * The records of `folders` that still hold after `changed` files (from a listing: files and unit
 * folders, never walked) were written or removed: those of the folders they are in, and of
 * every folder above, go — writing a file may have made folders, removing one emptied some.
 */
export function foldersAfter(folders: SiteFolders, changed: Iterable<string>): SiteFolders {
  const kept = { ...folders };
  const done = new Set<string>();
  for (const file of changed) {
    for (let parent = path.posix.dirname(file); ; parent = path.posix.dirname(parent)) {
      const folder = parent === "." ? "" : parent;
      if (done.has(folder)) break;
      done.add(folder);
      delete kept[folder];
      if (folder === "") break;
    }
  }
  return kept;
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
