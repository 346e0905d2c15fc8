// `dotlog serve` (what `npm start` runs): the site is served, and a log edited in the content
// folder is rebuilt into it without restarting.

import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openBuiltIndex } from "../../src/site/search/open-built-index.ts";
import { repoRoot } from "./run-dotlog.ts";

const bin = fileURLToPath(new URL("../../bin/dotlog.js", import.meta.url));
let root = "";
let child: ChildProcess | undefined;
let port = 0;
let logFd = -1;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, ms = 90_000): Promise<T> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}; serve printed:\n${readFileSync(path.join(root, "serve.log"), "utf8")}`);
}

async function page(url: string): Promise<string | undefined> {
  const response = await fetch(`http://localhost:${port}${url}`);
  return response.ok ? await response.text() : undefined;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "dotlog-serve-"));
  const content = path.join(root, "content");
  mkdirSync(content);
  copyFileSync(path.join(repoRoot, "content", "000_76b23a5250f26162.txt"), path.join(content, "log.txt"));
  port = await freePort();
  // Output to a file, never a pipe that could close under Eleventy.
  logFd = openSync(path.join(root, "serve.log"), "w");
  child = spawn(process.execPath, [bin, "serve", "--content", content, "--out", path.join(root, "site"), "--port", String(port)], {
    cwd: repoRoot,
    stdio: ["ignore", logFd, logFd],
  });
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  if (logFd >= 0) closeSync(logFd);
  rmSync(root, { recursive: true, force: true });
});

const written = (url: string) => statSync(path.join(root, "site", url, "index.html")).mtimeMs;

it("serves the site and rebuilds it when a log changes, writing only the pages that changed", async () => {
  const home = await waitFor(() => page("/"), "the home page");
  expect(home).toContain("regular meeting: US / China Virtualization Sync");
  expect(await page("/2012/11/08/")).toBeUndefined();
  const log = path.join(root, "content", "log.txt");
  const original = readFileSync(log, "utf8");
  const untouched = "/2012/11/05/";
  const untouchedWritten = written(untouched);

  appendFileSync(log, "\n9:15 2012-11-08\nserve, live reload\n1, written while dotlog serve runs\n");
  const day = await waitFor(() => page("/2012/11/08/"), "the new day page");
  expect(day).toContain("written while dotlog serve runs");
  // The day before links to the new day; a day nothing changed on was not written again.
  await waitFor(async () => ((await page("/2012/11/07/"))?.includes('href="/2012/11/08/"') ? true : undefined), "the link to the new day");
  expect(written(untouched)).toBe(untouchedWritten);
  // The search index follows the rebuild: the index of the last build may already answer the
  // query with other entries, so wait for the new one among its hits.
  const newEntry = "/2012/11/08/0915-live-reload/";
  const hits = await waitFor(async () => {
    const index = await openBuiltIndex(path.join(root, "site", "pagefind"));
    try {
      const found = await index.search("dotlog serve runs");
      return found.some((hit) => hit.url === newEntry) ? found : undefined;
    } finally {
      await index.destroy();
    }
  }, "the new entry in the search index");
  expect(hits.map((hit) => hit.url)).toContain(newEntry);

  // An entry taken out of the log takes its pages with it.
  writeFileSync(log, original);
  await waitFor(async () => ((await page("/2012/11/08/")) === undefined ? true : undefined), "the removed day page to go");
  expect(await page("/2012/11/08/0915-live-reload/")).toBeUndefined();
});
