// `dotlog build --cache <dir>`: what the cache holds, and that a build using it writes the very
// same site as a cold build — after an unchanged rebuild and after a new entry is appended.

import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildCommand } from "./build.ts";

const seed = fileURLToPath(new URL("../../content/000_76b23a5250f26162.txt", import.meta.url));
const quiet = { stdout: { write: () => true }, stderr: { isTTY: false, columns: 0, write: () => true } };
let root = "";
let content = "";

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "dotlog-cache-"));
  content = path.join(root, "content");
  mkdirSync(content);
  copyFileSync(seed, path.join(content, "log.txt"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function build(out: string, cache: string): Promise<void> {
  const code = await buildCommand(["--content", content, "--out", path.join(root, out), "--cache", path.join(root, cache)], quiet);
  expect(code).toBe(0);
}

/** Every file of a folder, by relative path → bytes. */
function tree(dir: string, base = dir, files = new Map<string, Buffer>()): Map<string, Buffer> {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) tree(full, base, files);
    else files.set(path.relative(base, full), readFileSync(full));
  }
  return files;
}

function expectSameTree(actual: string, expected: string): void {
  const a = tree(path.join(root, actual));
  const b = tree(path.join(root, expected));
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  const differing = [...a].filter(([name, bytes]) => !bytes.equals(b.get(name)!)).map(([name]) => name);
  expect(differing).toEqual([]);
}

it("keeps rendered entries and the search index in --cache, and a warm build writes the same site", async () => {
  await build("cold", "cache");
  expect(existsSync(path.join(root, "cache", "render", "bodies.ndjson"))).toBe(true);
  expect(readdirSync(path.join(root, "cache", "search")).some((name) => name.startsWith("search-"))).toBe(true);
  await build("warm", "cache");
  expectSameTree("warm", "cold");
}, 60_000);

it("after appending an entry, a build from the cache equals a cold build of the new log", async () => {
  appendFileSync(path.join(content, "log.txt"), "\r\n9:15 2012-12-24\r\ncache, test\r\n1, a new note see\"16:38 2012-11-01\"\r\n");
  await build("appended", "cache");
  await build("appended-cold", "fresh-cache");
  expectSameTree("appended", "appended-cold");
  expect(readFileSync(path.join(root, "appended", "2012", "12", "24", "index.html"), "utf8")).toContain("a new note");
}, 60_000);
