// Hostile and broken input, end to end (issue 7): the parser's bad-input corpus and the
// renderer's XSS corpus go through the whole build. The build succeeds, the warnings are
// listed in its report, and every line of every input can be read on the built pages
// (after redaction, with control characters as the renderer's visible symbols).

import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toString } from "hast-util-to-string";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLogs, loadTimeline, type Entry, type Timeline } from "../../src/log/index.ts";
import { visibleControls } from "../../src/render/visible-controls.ts";
import { buildSite, type BuildSiteResult } from "../../src/site/build-site.ts";
import { formatReport, LISTED_PER_CODE } from "../../src/site/report.ts";
import { readSiteFiles, type SiteFile } from "./site-files.ts";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));
const CORPORA = ["bad", "xss"];
/** Giant parse-only inputs (the 5 MB line, the 200,000 entries) are the parser's bench, not a site. */
const MAX_BYTES = 1_000_000;
const CONFIG = {
  title: "hostile input",
  logs: { pattern: CORPORA.map((corpus) => `${corpus}/**`) },
  redact: ["email", "ipv4"],
  redactNames: ["alert"],
};

let work: string;
let contentDir: string;
let outDir: string;
let result: BuildSiteResult;
let timeline: Timeline;
let pages: Map<string, string>;
let allText: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "dotlog-hostile-"));
  contentDir = path.join(work, "content");
  outDir = path.join(work, "site");
  for (const corpus of CORPORA) {
    const from = path.join(fixtures, corpus);
    if (!existsSync(from)) continue;
    await mkdir(path.join(contentDir, corpus), { recursive: true });
    for (const name of await readdir(from)) {
      const info = await stat(path.join(from, name));
      if (info.isFile() && info.size <= MAX_BYTES) await copyFile(path.join(from, name), path.join(contentDir, corpus, name));
    }
  }
  await writeFile(path.join(contentDir, "dotlog.config.json"), JSON.stringify(CONFIG));
  result = await buildSite({ contentDir, outDir });
  // The same files read the way the build reads them: the inputs the site must show.
  const files = await findLogs(contentDir, { pattern: CONFIG.logs.pattern });
  timeline = await loadTimeline(files, { dateOrder: "auto", redact: { rules: ["email", "ipv4"], names: CONFIG.redactNames } });
  const site = await readSiteFiles(outDir);
  pages = new Map(site.filter((f) => f.path.endsWith(".html")).map((f) => [f.path, squeeze(pageText(f))]));
  allText = [...pages.values()].join("\n");
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** The text a reader sees: no head, scripts or styles. */
function pageText(file: SiteFile): string {
  const tree = fromHtml(file.text);
  const strip = (node: Root | Element): void => {
    node.children = node.children.filter(
      (child: RootContent) => !(child.type === "element" && ["head", "script", "style", "template"].includes(child.tagName)),
    ) as typeof node.children;
    for (const child of node.children) if (child.type === "element") strip(child);
  };
  strip(tree);
  return toString(tree);
}

/** Whitespace is layout on a page (markers, indentation, line ends), not the author's words. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

function pageOf(entry: Entry): string | undefined {
  return pages.get(`${entry.url.replace(/^\//, "")}index.html`);
}

describe("hostile input through the whole build", () => {
  it("uses both corpora", () => {
    for (const corpus of CORPORA) expect(existsSync(path.join(fixtures, corpus)), `test/fixtures/${corpus}/`).toBe(true);
    expect(timeline.files.length).toBeGreaterThanOrEqual(25);
  });

  it("builds, reading every file", () => {
    expect(result.summary.failures).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.summary.filesRead).toBe(timeline.files.length);
    expect(result.summary.entries).toBe(timeline.entries.length);
  });

  it("lists the warnings in the build report", () => {
    expect(result.summary.warnings).toEqual(timeline.warnings);
    expect(timeline.warnings.some((w) => w.code === "decode")).toBe(true);
    const report = formatReport(result.summary);
    const codes = new Set(timeline.warnings.map((w) => w.code));
    for (const code of codes) {
      const warnings = timeline.warnings.filter((w) => w.code === code);
      expect(report).toContain(`${code} (${warnings.length})`);
      for (const w of warnings.slice(0, LISTED_PER_CODE)) expect(report).toContain(`${w.file}:${w.line}`);
    }
  });

  it("gives every entry its page", () => {
    expect(timeline.entries.filter((entry) => pageOf(entry) === undefined).map((e) => e.url)).toEqual([]);
  });

  it("shows every line of every input", () => {
    const missing: string[] = [];
    for (const file of timeline.files) {
      const entries = timeline.entries.filter((entry) => entry.file === file.file);
      const lines = file.text.split(/\r\n|\n|\r/);
      lines.forEach((line, i) => {
        const number = i + 1;
        const expected = squeeze(visibleControls(line));
        if (expected === "") return;
        // `.LOG` is Notepad's instruction to stamp the file, not something the author wrote.
        if (number === 1 && file.directive !== null && line.trim() === file.directive) return;
        const entry = entries.find((e) => e.line <= number && number <= e.endLine);
        if (entry === undefined) {
          if (!allText.includes(expected)) missing.push(`${file.file}:${number} (preamble) ${JSON.stringify(line.slice(0, 60))}`);
          return;
        }
        const page = pageOf(entry) ?? "";
        const stampLines = entry.stampText.split(/\r\n|\n|\r/).length;
        if (number < entry.line + stampLines) {
          // The stamp (and its `----`) is shown as the entry's date and time.
          const [date, time] = entry.timestamp.split("T");
          if (!page.includes(squeeze(`${date} ${time}`))) missing.push(`${file.file}:${number} (stamp) ${JSON.stringify(line.slice(0, 60))}`);
          return;
        }
        if (entry.header !== null && number === entry.header.line) {
          // The header is shown as its elements (tags link to their pages); series markers
          // (`cont2`, `（续）`) become the series navigation.
          const absent = entry.header.elements.filter((element) => !page.includes(squeeze(visibleControls(element))));
          if (absent.length > 0) missing.push(`${file.file}:${number} (header) ${JSON.stringify(absent)}`);
          return;
        }
        if (!page.includes(expected)) missing.push(`${file.file}:${number} ${JSON.stringify(line.slice(0, 60))}`);
      });
    }
    expect(missing).toEqual([]);
  });
});

describe("the redaction the hostile build applied", () => {
  it("masked the names and addresses it was asked to, and the report counts them", async () => {
    const masked = timeline.files.reduce((sum, file) => sum + (file.redacted ?? 0), 0);
    expect(result.summary.redactions).toBe(masked);
    const raw = await Promise.all(timeline.files.map((file) => readFile(file.file, "latin1")));
    if (raw.some((text) => /alert/i.test(text))) expect(masked).toBeGreaterThan(0);
    expect(allText).not.toMatch(/(?<![\p{L}\p{N}_])alert(?![\p{L}\p{N}_])/iu);
  });
});
