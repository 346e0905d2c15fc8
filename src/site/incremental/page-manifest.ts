// The record an incremental build leaves in the cache, one per site folder: which folder it
// describes (a folder another build replaced no longer matches) and the hash of every
// paginated page's inputs. A manifest is removed before its site
// is changed in place and written again after, so a build that dies in between leaves none.

import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteFolders } from "./move-into-site.ts";

export interface SiteStamp {
  /** The folder's absolute path. */
  path: string;
  /** A rename keeps these; a folder written by another build has others. */
  dev: number;
  ino: number;
  birthtimeMs: number;
}

export interface PageManifest {
  identity: string;
  site: SiteStamp;
  /** Paginated page's output file (relative to the site folder) → hash of what it was made from. */
  pages: Record<string, string>;
  /** The site folder's folders as the build left them (`listSite`), those it did not change since it listed them. */
  folders: SiteFolders;
}

const FORMAT = "dotlog-pages-4";
/** Manifests of this many site folders are kept; tests and previews build into many. */
const KEEP = 8;

/** The manifest of the site folder `outDir`. */
export function manifestFile(cacheDir: string, outDir: string): string {
  const key = createHash("sha256").update(path.resolve(outDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `site-${key}.json`);
}

/** The stamp of a site folder, or null when there is none. */
export async function stampSite(dir: string, as: string = dir): Promise<SiteStamp | null> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) return null;
  return { path: path.resolve(as), dev: info.dev, ino: info.ino, birthtimeMs: info.birthtimeMs };
}

export function sameSite(a: SiteStamp, b: SiteStamp): boolean {
  return a.path === b.path && a.dev === b.dev && a.ino === b.ino && a.birthtimeMs === b.birthtimeMs;
}

/** The manifest of `outDir`, or null when there is none or it is damaged. */
export async function readManifest(cacheDir: string, outDir: string): Promise<PageManifest | null> {
  const text = await readFile(manifestFile(cacheDir, outDir), "utf8").catch(() => null);
  if (text === null) return null;
  try {
    const { format, checksum, manifest } = JSON.parse(text) as { format?: string; checksum?: string; manifest?: PageManifest };
    if (format !== FORMAT || !manifest || checksum !== checksumOf(manifest)) return null;
    return manifest;
  } catch {
    return null;
  }
}

/** Written beside and renamed over the old one, so a reader never sees half a manifest. */
export async function writeManifest(cacheDir: string, manifest: PageManifest): Promise<void> {
  const file = manifestFile(cacheDir, manifest.site.path);
  await mkdir(cacheDir, { recursive: true });
  const partial = `${file}.${process.pid}`;
  await writeFile(partial, JSON.stringify({ format: FORMAT, checksum: checksumOf(manifest), manifest }));
  await rename(partial, file);
  await pruneManifests(cacheDir);
}

export async function removeManifest(cacheDir: string, outDir: string): Promise<void> {
  await rm(manifestFile(cacheDir, outDir), { force: true });
}

/** The least recently written manifests beyond `KEEP` go. */
async function pruneManifests(cacheDir: string): Promise<void> {
  const names = (await readdir(cacheDir)).filter((name) => /^site-[0-9a-f]{16}\.json$/.test(name));
  if (names.length <= KEEP) return;
  const dated = await Promise.all(
    names.map(async (name) => ({ name, mtime: (await stat(path.join(cacheDir, name)).catch(() => null))?.mtimeMs ?? 0 })),
  );
  dated.sort((a, b) => b.mtime - a.mtime);
  for (const { name } of dated.slice(KEEP)) await rm(path.join(cacheDir, name), { force: true });
}

function checksumOf(manifest: PageManifest): string {
  return createHash("sha256").update(JSON.stringify(manifest)).digest("hex");
}
