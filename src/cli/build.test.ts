// `dotlog build` in this process, with its stderr made to look like a terminal: the progress
// line is rewritten in place with phase and count, and cleared before the report.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";
import { buildCommand } from "./build.ts";

const seed = fileURLToPath(new URL("../../content/000_76b23a5250f26162.txt", import.meta.url));
let root = "";
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 100, write: (text: string) => writes.push(text) } };
}

it("shows phase and count on a terminal, then clears the line and prints the report", async () => {
  root = mkdtempSync(path.join(tmpdir(), "dotlog-tty-"));
  const content = path.join(root, "content");
  mkdirSync(content);
  copyFileSync(seed, path.join(content, "log.txt"));
  const { writes: stderr, stream: terminal } = recorder(true);
  const { writes: stdout, stream: out } = recorder(false);

  const code = await buildCommand(["--content", content, "--out", path.join(root, "site")], { stdout: out, stderr: terminal });

  expect(code).toBe(0);
  expect(stderr).toContain("\r\x1b[Krendering 18/18");
  expect(stderr.some((text) => /^\r\x1b\[Kwriting \d+\/\d+$/.test(text))).toBe(true);
  expect(stderr.at(-1)).toBe("\r\x1b[K");
  expect(stderr.join("")).not.toContain("\n");
  expect(stdout.join("")).toMatch(/^dotlog: built .*content into .*site\n {2}files read {4}1\n/);
});

it("prints its usage for --help and exits 0, and exits 2 for a stray argument", async () => {
  const { writes: stdout, stream: out } = recorder(false);
  const { writes: stderr, stream: err } = recorder(false);
  expect(await buildCommand(["--help"], { stdout: out, stderr: err })).toBe(0);
  expect(stdout.join("")).toMatch(/^usage: dotlog build \[--content <dir>\] \[--out <dir>\] \[--cache <dir>\]\n/);
  expect(await buildCommand(["content"], { stdout: out, stderr: err })).toBe(2);
  expect(stderr.join("")).toMatch(/^dotlog build: Unexpected argument 'content'/);
});
