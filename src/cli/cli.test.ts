// The bin as a user runs it: from another folder, with paths as typed.

import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/dotlog.js", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function dotlog(...args: string[]) {
  // Run from test/fixtures so the paths below are relative, as a user would type them.
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: `${ROOT}test/fixtures`, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("dotlog export", () => {
  it("prints the timeline as JSON with files as given", () => {
    const { code, stdout } = dotlog("export", "../../content/000_76b23a5250f26162.txt", "synth", "--format", "json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["files", "entries", "tags", "series", "warnings"]);
    expect(json.files[0]).toEqual({ file: "../../content/000_76b23a5250f26162.txt", encoding: "utf-8", directive: ".LOG", dateOrder: "ymd", format: "log", preamble: ".LOG\n" });
    expect(json.files.map((f: { file: string }) => f.file)).toContain("synth/gbk.txt");

    const seed = json.entries.filter((e: { file: string }) => e.file.endsWith("000_76b23a5250f26162.txt"));
    expect(seed).toHaveLength(18);
    const blog = seed.find((e: { id: string }) => e.id === "2012-11-05T10:37");
    expect(blog).toMatchObject({
      timestamp: "2012-11-05T10:37",
      line: 75,
      title: "GTD",
      tags: ["GTD"],
      series: null,
      todos: [{ text: "write a blog for this.", item: "1-1", blog: true }],
    });
    expect(blog.references[0]).toMatchObject({ target: "2012-11-05T10:03", item: null, resolved: "2012-11-05T10:03" });
    const shell = seed.flatMap((e: { blocks: { kind: string; steps: unknown[] | null }[] }) => e.blocks).find((b: { kind: string }) => b.kind === "shell");
    expect(Object.keys(shell)).toEqual(["kind", "lang", "promptStyle", "line", "endLine", "column", "text", "steps"]);
    expect(Object.keys(shell.steps[0])).toEqual(["prompt", "command", "output", "line"]);
    expect(json.warnings[0]).toEqual({ file: "../../content/000_76b23a5250f26162.txt", line: 7, code: "unresolved-ref", message: "no entry at 2012-10-29T11:31" });
  });

  it("rejects an unknown format", () => {
    const { code, stderr } = dotlog("export", "synth", "--format", "xml");
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be json, not "xml"');
  });
});

describe("dotlog check", () => {
  it("prints file:line: code: message and exits 0", () => {
    const { code, stdout } = dotlog("check", "bad/out-of-order.txt", "bad/nul-bytes.txt");
    expect(code).toBe(0);
    expect(stdout).toBe(
      "bad/out-of-order.txt:4: out-of-order: 9:00 2012-11-01 is earlier than the entry before it (14:32 2012-11-02, line 2)\n" +
        "bad/nul-bytes.txt:3: decode: this line has a NUL byte\n" +
        "bad/nul-bytes.txt:5: decode: this line has a NUL byte\n",
    );
  });

  it("prints the tags with their counts and the header elements refused as tags with --tags", () => {
    const { code, stdout } = dotlog("check", "--tags", "bad/bad-headers.txt", "../../content/000_76b23a5250f26162.txt");
    expect(code).toBe(0);
    const [tags, refused] = stdout.split("\n\n");
    const tagLines = tags!.split("\n");
    expect(tagLines[0]).toMatch(/^\d+ tags, \d+ used once$/);
    // Most used first: virtualization on five of the seed's entries and three of bad-headers.txt's.
    expect(tagLines.slice(1, 3)).toEqual(["8  virtualization", "7  libvirt"]);
    expect(tagLines).toContain("1  SOM(system-on-module)");
    expect(tagLines.some((line) => /research@suse\.de|169\$|自9:52|2012-11-05/.test(line))).toBe(false);
    expect(refused!.split("\n")).toEqual(expect.arrayContaining([
      "bad/bad-headers.txt:67: email: research@suse.de",
      "bad/bad-headers.txt:79: stamp: 自9:52",
      "bad/bad-headers.txt:87: date: 2012-11-05",
      "bad/bad-headers.txt:147: number: 169$.",
      "bad/bad-headers.txt:193: path: link git to /system/bin",
    ]));
    expect(refused!.split("\n")[0]).toBe("16 header elements refused as tags (shown as written)");
  });

  it("lists --tags in its help", () => {
    expect(dotlog("check", "--help").stdout).toContain("--tags");
  });

  it("exits 1 when a --strict code occurs", () => {
    expect(dotlog("check", "bad/out-of-order.txt", "--strict", "decode,out-of-order").code).toBe(1);
    expect(dotlog("check", "bad/out-of-order.txt", "--strict", "decode").code).toBe(0);
  });

  it("exits 2 on unreadable input and on bad usage", () => {
    const missing = dotlog("check", "no/such/file.log");
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain("no/such/file.log:0: unreadable: ");
    expect(dotlog("check").code).toBe(2);
    const encoding = dotlog("check", "bad/emoji.txt", "--encoding", "klingon");
    expect([encoding.code, encoding.stderr.split("\n")[0]]).toEqual([2, 'dotlog check: unknown encoding "klingon"']);
    expect(dotlog("frobnicate").code).toBe(2);
  });
});

describe("dotlog build", () => {
  it("loads the site's packages before tsx's loader is registered, and each module once", () => {
    const root = mkdtempSync(path.join(tmpdir(), "dotlog-loads-"));
    try {
      // A loader registered before the bin runs sees every module the process loads, in order.
      const log = path.join(root, "loads.txt");
      const hooks = path.join(root, "hooks.mjs");
      writeFileSync(hooks, `import { appendFileSync } from "node:fs";\nexport function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + "\\n"); return next(url, context); }\n`);
      const register = path.join(root, "register.mjs");
      writeFileSync(register, `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
      const content = path.join(root, "content");
      mkdirSync(content);
      copyFileSync(`${ROOT}content/000_76b23a5250f26162.txt`, path.join(content, "log.txt"));

      const args = ["--import", pathToFileURL(register).href, BIN, "build", "--content", content, "--out", path.join(root, "site"), "--cache", path.join(root, "cache")];
      const result = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
      expect([result.status, result.stderr]).toEqual([0, expect.not.stringMatching(/error/i)]);

      const urls = readFileSync(log, "utf8").split("\n").filter(Boolean);
      // One URL a file: a module loaded again under another URL (tsx's namespaces add a query) would be a second copy.
      const byFile = new Map<string, Set<string>>();
      for (const url of urls) byFile.set(url.replace(/[?#].*/, ""), (byFile.get(url.replace(/[?#].*/, "")) ?? new Set()).add(url));
      expect([...byFile.values()].filter((copies) => copies.size > 1)).toEqual([]);

      const tsxLoader = urls.findIndex((url) => /\/node_modules\/tsx\/dist\/esm\/index\.mjs\?/.test(url));
      expect(tsxLoader).toBeGreaterThan(0);
      const sitePackages = [...readFileSync(BIN, "utf8").matchAll(/^ {2}"([^"]+)",$/gm)].map((match) => match[1]!);
      expect(sitePackages).toContain("@11ty/eleventy");
      for (const name of sitePackages) {
        const first = urls.findIndex((url) => url.includes(`/node_modules/${name}/`));
        expect({ name, beforeTsx: first >= 0 && first < tsxLoader }).toEqual({ name, beforeTsx: true });
      }
      expect(urls.indexOf(pathToFileURL(`${ROOT}src/site/plugin.ts`).href)).toBeGreaterThan(tsxLoader);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("loads first only packages the site imports", () => {
    const sitePackages = [...readFileSync(BIN, "utf8").matchAll(/^ {2}"([^"]+)",$/gm)].map((match) => match[1]!);
    const imported = new Set<string>();
    for (const dir of ["site", "render", "log"]) {
      for (const file of readdirSync(`${ROOT}src/${dir}`, { recursive: true, encoding: "utf8" })) {
        if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
        for (const match of readFileSync(`${ROOT}src/${dir}/${file}`, "utf8").matchAll(/^import [^;]*? from "([^".][^"]*)";$/gm)) imported.add(match[1]!);
      }
    }
    expect(sitePackages.filter((name) => !imported.has(name))).toEqual([]);
  });
});
