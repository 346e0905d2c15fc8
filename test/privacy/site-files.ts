// Every file a build wrote, as text a test can search: gzip (Pagefind's index, fragments,
// filters and meta) is inflated, so a canary cannot hide in a compressed file.

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";

export interface SiteFile {
  /** Path inside the output folder, with `/`. */
  path: string;
  /** The file's text, inflated when it was gzip. */
  text: string;
}

export async function readSiteFiles(outDir: string): Promise<SiteFile[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files: SiteFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.push({ path: path.relative(outDir, full).split(path.sep).join("/"), text: inflated(await readFile(full)) });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Every folder under the output folder, with `/`. */
export async function readSiteFolders(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

function inflated(bytes: Buffer): string {
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (gzip ? gunzipSync(bytes) : bytes).toString("utf8");
}
