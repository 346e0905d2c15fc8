// `dotlog build` end to end, through the real command line: what it writes, what it reports,
// and how it fails — one line, a non-zero exit, never a stack trace, never a half-written site.

import { execFile } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLogs, loadTimeline, type LogWarning, type Timeline } from "../../src/log/index.ts";
import { repoRoot, reportRows, runDotlog, STACK_LINE, type Run } from "./run-dotlog.ts";

const seed = path.join(repoRoot, "content", "000_76b23a5250f26162.txt");
const corpus = (name: string) => path.join(repoRoot, "test", "fixtures", "corpus", name);
const synth = (name: string) => path.join(repoRoot, "test", "fixtures", "synth", name);

let root = "";
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "dotlog-build-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A content folder in the temp root holding copies of `files` (and a config when given). */
function contentWith(name: string, files: string[], config?: unknown): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const file of files) copyFileSync(file, path.join(dir, path.basename(file)));
  if (config !== undefined) writeFileSync(path.join(dir, "dotlog.config.json"), JSON.stringify(config));
  return dir;
}

/** Every file under `dir`, as `/`-separated paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join("/"))
    .sort();
}

/** What the command said went wrong, one line each (progress lines aside). */
function failureLines(run: Run): string[] {
  return run.stderr.split("\n").filter((line) => line.startsWith("dotlog build:"));
}

function expectOneLineFailure(run: Run, code: number, pattern: RegExp): void {
  expect(run.code).toBe(code);
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(failureLines(run)).toEqual([expect.stringMatching(pattern)]);
}

function npmRunBuild(args: string[]): Promise<Run> {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  return new Promise((resolve) => {
    execFile(npm, ["run", "--silent", "build", "--", ...args], { cwd: repoRoot, shell: process.platform === "win32", maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe("npm run build -- --content <dir> --out <dir>", () => {
  let content = "";
  let out = "";
  let run: Run;
  let timeline: Timeline;

  beforeAll(async () => {
    content = contentWith("two-logs", [seed, corpus("log20100215.txt")]);
    out = path.join(root, "two-logs-site");
    run = await npmRunBuild(["--content", content, "--out", out]);
    timeline = await loadTimeline(await findLogs(content));
  });

  it("builds the folder into the output folder and exits 0", () => {
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.code).toBe(0);
    expect(timeline.entries.length).toBeGreaterThan(18);
    for (const entry of timeline.entries) expect(existsSync(path.join(out, entry.url, "index.html"))).toBe(true);
    expect(existsSync(path.join(out, "pagefind", "pagefind.js"))).toBe(true);
  });

  it("reports the timeline's counts", () => {
    const rows = reportRows(run.stdout);
    expect(rows.get("files read")).toBe(String(timeline.files.length));
    expect(rows.get("entries")).toBe(`${timeline.entries.length} (${timeline.entries.length} published, 0 excluded)`);
    expect(rows.get("tags")).toBe(String(timeline.tags.size));
    // Posts are pages under /blog/ besides its index; each is a search record too.
    const posts = readdirSync(path.join(out, "blog"), { withFileTypes: true }).filter((d) => d.isDirectory()).length;
    expect(posts).toBeGreaterThan(0);
    expect(rows.get("blog posts")).toBe(String(posts));
    expect(rows.get("search index")).toBe(`${timeline.entries.length + posts} records`);
    expect(rows.get("warnings")).toBe(String(timeline.warnings.length));
    expect(rows.get("time")).toMatch(/^\d+\.\d s$/);
  });

  it("counts the HTML pages it wrote", () => {
    const pages = filesUnder(out).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(timeline.entries.length);
    // The repository's .cache may hold these pages from an earlier run: "91 (85 copied from the cache)".
    expect(reportRows(run.stdout).get("pages")).toMatch(new RegExp(`^${pages.length}(?: \\(\\d+ copied from the cache\\))?$`));
  });

  it("lists every warning as file:line under its code, with the code's count", () => {
    const byCode = new Map<string, LogWarning[]>();
    for (const w of timeline.warnings) byCode.set(w.code, [...(byCode.get(w.code) ?? []), w]);
    expect(byCode.size).toBeGreaterThan(0);
    for (const [code, warnings] of byCode) {
      expect(run.stdout).toContain(`\n${code} (${warnings.length})\n`);
      for (const w of warnings.slice(0, 10)) expect(run.stdout).toContain(`  ${w.file}:${w.line}  `);
    }
  });

  it("prints plain phase lines when its output is not a terminal", () => {
    const phases = run.stderr.split("\n").filter(Boolean);
    expect(phases).toEqual(["reading", `rendering (${timeline.entries.length})`, expect.stringMatching(/^writing \(\d+\)$/), expect.stringMatching(/^indexing \(\d+\)$/)]);
    expect(run.stderr).not.toContain("\r");
  });

  it("replaces the whole previous site on the next successful build", async () => {
    writeFileSync(path.join(out, "left-over.html"), "<p>old</p>");
    const again = await runDotlog(["build", "--content", content, "--out", out]);
    expect(again.code).toBe(0);
    expect(existsSync(path.join(out, "left-over.html"))).toBe(false);
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
    expect(readdirSync(root).filter((name) => name.startsWith(".two-logs-site."))).toEqual([]);
  });

  it("leaves the previous site as it was when a build fails after writing pages", async () => {
    const before = filesUnder(out);
    const home = readFileSync(path.join(out, "index.html"), "utf8");
    // A folder without logs is found out only after Eleventy has written the (empty) site.
    const empty = contentWith("no-logs", []);
    writeFileSync(path.join(empty, "notes.md"), "not a log\n");
    const failed = await runDotlog(["build", "--content", empty, "--out", out]);
    expectOneLineFailure(failed, 2, /^dotlog build: no log files in .*no-logs \(looked for \*\*\/\*\.log, \*\*\/\*\.txt\)$/);
    expect(filesUnder(out)).toEqual(before);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe(home);
    expect(readdirSync(root).filter((name) => name.startsWith(".two-logs-site."))).toEqual([]);
  });
});

describe("dotlog build fails with one line naming the problem", () => {
  it("for a --content folder that does not exist, and writes nothing", async () => {
    const out = path.join(root, "never");
    const run = await runDotlog(["build", "--content", path.join(root, "missing"), "--out", out]);
    expectOneLineFailure(run, 2, /^dotlog build: the content folder .*missing does not exist$/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it("for a dotlog.config.json with an unknown key, naming the file and the key", async () => {
    const content = contentWith("bad-config", [seed], { tags: { pagesize: 5 } });
    const run = await runDotlog(["build", "--content", content, "--out", path.join(root, "bad-config-site")]);
    expectOneLineFailure(run, 2, /^dotlog build: .*dotlog\.config\.json: unknown key "tags\.pagesize" \(did you mean "tags\.pageSize"\?\)$/);
    expect(existsSync(path.join(root, "bad-config-site"))).toBe(false);
  });

  it("for an output folder that holds something other than a site, and touches nothing", async () => {
    const out = path.join(root, "documents");
    mkdirSync(out);
    writeFileSync(path.join(out, "thesis.txt"), "keep me");
    const run = await runDotlog(["build", "--content", contentWith("for-documents", [seed]), "--out", out]);
    expectOneLineFailure(run, 2, /is not empty and holds no site built before/);
    expect(filesUnder(out)).toEqual(["thesis.txt"]);
  });
});

describe("a file that fails never hides the others", () => {
  it("builds the rest when a log cannot be read or does not fit the forced encoding, names each in one line, and exits 2", async () => {
    const content = contentWith("failing-files", [seed, synth("gbk.txt")], { logs: { encoding: "utf-8" } });
    // Windows cannot make a file unreadable this way; the encoding case still runs there.
    const unreadable = process.platform !== "win32";
    if (unreadable) {
      const bad = path.join(content, "locked.log");
      if (process.getuid?.() === 0) {
        // root reads any file: make one too large to read instead (sparse, takes no disk).
        writeFileSync(bad, "");
        truncateSync(bad, 3 * 1024 ** 3);
      } else {
        writeFileSync(bad, ".LOG\n");
        chmodSync(bad, 0);
      }
    }
    const out = path.join(root, "failing-files-site");
    const run = await runDotlog(["build", "--content", content, "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(STACK_LINE);
    const expected = [
      ...(unreadable ? [/^dotlog build: error: cannot read .*locked\.log: .+$/] : []),
      /^dotlog build: error: .*gbk\.txt is not utf-8 \(the forced encoding\): \d+ lines? with invalid bytes, shown as U\+FFFD$/,
    ];
    expect(failureLines(run)).toEqual(expected.map((pattern) => expect.stringMatching(pattern)));
    expect(reportRows(run.stdout).get("files read")).toBe(unreadable ? "2 of 3" : "2");
    expect(existsSync(path.join(out, "2012", "11", "07", "1459-rpcbind", "index.html"))).toBe(true);
  });

  it("names a file the forced encoding decodes without an invalid byte but reads wrong (UTF-8 forced as UTF-16)", async () => {
    const content = contentWith("misfit", [seed, synth("utf16le-bom.txt")], { logs: { encoding: "utf-16le" } });
    const run = await runDotlog(["build", "--content", content, "--out", path.join(root, "misfit-site")]);
    expect(run.code).toBe(2);
    expect(failureLines(run)).toEqual([
      expect.stringMatching(/^dotlog build: error: .*000_76b23a5250f26162\.txt is not utf-16le \(the forced encoding\): no line end reads as a line end$/),
    ]);
    expect(reportRows(run.stdout).get("files read")).toBe("2");
  });

  it("writes the site but exits 1 when a strict warning code occurs", async () => {
    const content = contentWith("strict", [seed], { strict: ["unresolved-ref"] });
    const out = path.join(root, "strict-site");
    const run = await runDotlog(["build", "--content", content, "--out", out]);
    expectOneLineFailure(run, 1, /^dotlog build: error: 2 warnings with a strict code \(unresolved-ref\)$/);
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
  });
});
