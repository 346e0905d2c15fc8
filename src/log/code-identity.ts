// What a cache's records were made by: the source of the code that made them and the versions of
// the libraries it used. A cache keeps this identity beside its records, so an edit to that code
// or an upgrade invalidates what the old code made.

import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A library's version, read from the package.json above its entry point (exports may hide it). */
async function libraryVersion(name: string): Promise<string> {
  let dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
  while (dir !== path.dirname(dir)) {
    const found = await readFile(path.join(dir, "package.json"), "utf8").then((text) => JSON.parse(text) as { name?: string; version?: string }, () => null);
    if (found?.name === name) return found.version ?? "?";
    dir = path.dirname(dir);
  }
  return "?";
}

/**
 * A hash of the `.ts` sources (tests aside) of `folders`, then `library@version` of each of
 * `libraries`, then `extra`.
 */
export async function codeIdentity(folders: readonly URL[], libraries: readonly string[], extra: readonly string[] = []): Promise<string> {
  const digest = createHash("sha256");
  for (const folder of folders) {
    const dir = fileURLToPath(folder);
    const names = (await readdir(dir)).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts")).sort();
    for (const name of names) digest.update(name).update(await readFile(path.join(dir, name)));
  }
  for (const library of libraries) digest.update(`${library}@${await libraryVersion(library)}`);
  for (const part of extra) digest.update(part);
  return digest.digest("base64url");
}
