// Two built sites compared file for file and byte for byte.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

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
