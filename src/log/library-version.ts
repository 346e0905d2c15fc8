// The versions of the libraries a cache's output depends on: a cache names them in its identity,
// so an upgrade invalidates what the old version made.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A library's version, read from the package.json above its entry point (exports may hide it). */
export async function libraryVersion(name: string): Promise<string> {
  let dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
  while (dir !== path.dirname(dir)) {
    const found = await readFile(path.join(dir, "package.json"), "utf8").then((text) => JSON.parse(text) as { name?: string; version?: string }, () => null);
    if (found?.name === name) return found.version ?? "?";
    dir = path.dirname(dir);
  }
  return "?";
}
