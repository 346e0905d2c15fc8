import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLogs, globToRegExp } from "./find-logs.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dotlog-find-"));
  const files: Record<string, string | Buffer> = {
    "2012/log201211.txt": ".LOG\n14:32 2012-11-01\n",
    "2012/notes.LOG": "14:32 2012-11-01\n",
    "journal": ".LOG\n14:32 2012-11-01\n",
    "journal-crlf.md": ".LOG\r\n14:32 2012-11-01\r\n",
    "journal-utf16": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(".LOG\r\n", "utf16le")]),
    "readme.md": "# not a log\n",
    "2016/log201601.markdown": "15:25 2016-01-04\n----------------\nsoftware skill, network\n",
    "2016/atx.md": "# 2016\n\nnotes of the year\n\n## 15:25 2016-01-05\nbody\n",
    "notes.md": "# Notes\n\nmet at 14:32 2012-11-01, see below\n",
    "dotlog.config.json": "{}",
    "posts/my-post.txt": "a hand-written post\n",
    "posts/draft.md": ".LOG\n",
    ".git/HEAD.txt": "ref: refs/heads/main\n",
    "a.log": "",
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  symlinkSync(join(dir, "journal"), join(dir, "linked.log"));
  symlinkSync(join(dir, "2012"), join(dir, "linked-folder"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("findLogs", () => {
  it("finds .log and .txt files, other files that start with .LOG, and Markdown files with stamps, except posts/ and hidden folders", async () => {
    const found = (await findLogs(dir)).map((path) => path.slice(dir.length + 1));
    expect(found).toEqual([
      "2012/log201211.txt",
      "2012/notes.LOG",
      "2016/atx.md",
      "2016/log201601.markdown",
      "a.log",
      "journal",
      "journal-crlf.md",
      "journal-utf16",
      "linked.log",
    ]);
  });

  it("takes a pattern, with ! to exclude", async () => {
    const found = await findLogs(dir, { pattern: ["2012/*.txt", "!**/notes.*"] });
    expect(found.map((path) => path.slice(dir.length + 1))).toEqual([
      "2012/log201211.txt",
      "2016/atx.md",
      "2016/log201601.markdown",
      "journal",
      "journal-crlf.md",
      "journal-utf16",
      "linked.log",
    ]);
  });

  it.each([
    ["**/*.log", "a.log", true],
    ["**/*.log", "x/y/a.log", true],
    ["**/*.log", "a.log.bak", false],
    ["*.txt", "x/a.txt", false],
    ["2012/??.txt", "2012/ab.txt", true],
    ["logs/**", "logs/a/b", true],
  ])("%s matches %s: %s", (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });
});
