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

/** Builds and returns the report's line about the render cache. */
async function build(out: string, cache: string): Promise<{ rendered: string }> {
  const report: string[] = [];
  const io = { ...quiet, stdout: { write: (text: string) => report.push(text) } };
  const code = await buildCommand(["--content", content, "--out", path.join(root, out), "--cache", path.join(root, cache)], io);
  expect(code).toBe(0);
  const line = (label: string) => report.join("").split("\n").find((l) => l.trim().startsWith(label))?.trim() ?? "";
  return { rendered: line("rendered") };
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
  const cold = await build("cold", "cache");
  expect(cold.rendered).toMatch(/^rendered +\d+ entries \(0 from the cache\)$/);
  expect(existsSync(path.join(root, "cache", "render", "bodies.ndjson"))).toBe(true);
  expect(readdirSync(path.join(root, "cache", "search")).some((name) => name.startsWith("part-"))).toBe(true);
  const warm = await build("warm", "cache");
  expect(warm.rendered).toMatch(/^rendered +0 entries \(\d+ from the cache\)$/);
  expectSameTree("warm", "cold");
}, 60_000);

it("after appending an entry, a build from the cache equals a cold build of the new log", async () => {
  appendFileSync(path.join(content, "log.txt"), "\r\n9:15 2012-12-24\r\ncache, test\r\n1, a new note see\"16:38 2012-11-01\"\r\n");
  const appended = await build("appended", "cache");
  // The new entry and the one before it (its text now runs to a blank line before the new stamp);
  // not the entry it refers to: backlinks are page data, not body HTML.
  expect(appended.rendered).toMatch(/^rendered +2 entries \(\d+ from the cache\)$/);
  await build("appended-cold", "fresh-cache");
  expectSameTree("appended", "appended-cold");
  expect(readFileSync(path.join(root, "appended", "2012", "12", "24", "index.html"), "utf8")).toContain("a new note");
}, 60_000);
