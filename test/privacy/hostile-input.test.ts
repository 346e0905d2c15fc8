// Hostile and broken input, end to end (issue 7): the parser's bad-input corpus and the
// renderer's XSS corpus go through the whole build. The build succeeds, the warnings are
// listed in its report, and every line of every input can be read on the built pages
// (after redaction, with control characters as the renderer's visible symbols).

import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toString } from "hast-util-to-string";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLogs, loadTimeline, type BodyNode, type Entry, type Timeline } from "../../src/log/index.ts";
import { visibleControls } from "../../src/render/visible-controls.ts";
import { buildSite, type BuildSiteResult } from "../../src/site/build-site.ts";
import { formatReport, LISTED_PER_CODE } from "../../src/site/report.ts";
import { payloads, xssLog as xssLogLines, xssMarkdown } from "../fixtures/xss/xss-log.ts";
import { readSiteFiles, type SiteFile } from "./site-files.ts";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));
/** Giant parse-only inputs (the 5 MB line, the 200,000 entries) are the parser's bench, not a site. */
const MAX_BYTES = 1_000_000;
const CONFIG = {
  title: "hostile input",
  logs: { pattern: ["bad/**", "xss/**"] },
  redact: ["email", "ipv4"],
  redactNames: ["cookie"],
};

/** One log a payload, each on its own day, with Notepad's CRLF line ends. */
function xssLog(payload: string, index: number): string {
  const day = new Date(Date.UTC(2013, 0, 1 + index)).toISOString().slice(0, 10);
  return xssLogLines(payload, day, "\r\n");
}

/** The same payloads in Markdown-era journals, a day each in 2016. */
function xssJournal(payload: string, index: number): string {
  const day = new Date(Date.UTC(2016, 0, 1 + index)).toISOString().slice(0, 10);
  return xssMarkdown(payload, day, "\r\n");
}

let work: string;
let contentDir: string;
let outDir: string;
let result: BuildSiteResult;
let timeline: Timeline;
let site: SiteFile[];
let pages: Map<string, string>;
let allText: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "dotlog-hostile-"));
  contentDir = path.join(work, "content");
  outDir = path.join(work, "site");
  await mkdir(path.join(contentDir, "bad"), { recursive: true });
  for (const name of await readdir(path.join(fixtures, "bad"))) {
    const from = path.join(fixtures, "bad", name);
    if ((await stat(from)).size <= MAX_BYTES) await copyFile(from, path.join(contentDir, "bad", name));
  }
  await mkdir(path.join(contentDir, "xss"), { recursive: true });
  for (const [index, payload] of payloads.entries()) {
    await writeFile(path.join(contentDir, "xss", `payload-${String(index).padStart(2, "0")}.log`), xssLog(payload, index));
    await writeFile(path.join(contentDir, "xss", `payload-${String(index).padStart(2, "0")}.markdown`), xssJournal(payload, index));
  }
  await writeFile(path.join(contentDir, "dotlog.config.json"), JSON.stringify(CONFIG));
  result = await buildSite({ contentDir, outDir });
  // The same files read the way the build reads them: the inputs the site must show.
  const files = await findLogs(contentDir, { pattern: CONFIG.logs.pattern });
  timeline = await loadTimeline(files, { dateOrder: "auto", redact: { rules: ["email", "ipv4"], names: CONFIG.redactNames } });
  site = await readSiteFiles(outDir);
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
    expect(timeline.files.filter((f) => f.file.includes(`${path.sep}bad${path.sep}`)).length).toBeGreaterThanOrEqual(25);
    const xss = timeline.files.filter((f) => f.file.includes(`${path.sep}xss${path.sep}`));
    expect(xss.filter((f) => f.format === "log").length).toBe(payloads.length);
    expect(xss.filter((f) => f.format === "markdown").length).toBe(payloads.length);
    expect(payloads.length).toBeGreaterThanOrEqual(30);
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

  // Each line is looked for where a reader would find it; one test a kind of line, so a
  // failure says which part of the site lost text.
  it.each(["body", "header", "stamp", "preamble"] as const)("shows every %s line of every input", (kind) => {
    expect(missingLines().filter((line) => line.kind === kind).map((line) => line.where)).toEqual([]);
  });
});

type LineKind = "body" | "header" | "stamp" | "preamble";

/** Every input line that cannot be found on the page that should show it. */
function missingLines(): { kind: LineKind; where: string }[] {
  const missing: { kind: LineKind; where: string }[] = [];
  for (const file of timeline.files) {
    const entries = timeline.entries.filter((entry) => entry.file === file.file);
    file.text.split(/\r\n|\n|\r/).forEach((line, i) => {
      const number = i + 1;
      const expected = squeeze(visibleControls(line));
      const report = (kind: LineKind, what: string = JSON.stringify(line.slice(0, 60))) =>
        missing.push({ kind, where: `${path.relative(contentDir, file.file)}:${number} ${what}` });
      if (expected === "") return;
      // `.LOG` is Notepad's instruction to stamp the file, not something the author wrote.
      if (number === 1 && file.directive !== null && line.trim() === file.directive) return;
      const entry = entries.find((e) => e.line <= number && number <= e.endLine);
      if (entry === undefined) {
        if (!allText.includes(expected)) report("preamble");
        return;
      }
      const page = pageOf(entry) ?? "";
      if (entry.format === "markdown" && number > entry.line + entry.stampText.split(/\r\n|\n|\r/).length - 1 && number !== entry.header?.line) {
        // A Markdown line shows as the parser read it; underlines show nothing, and code is
        // the literal blocks' (the .log payloads hold the same code).
        const shown = shownMarkdown(entry).get(number);
        if (shown !== undefined && !page.includes(squeeze(visibleControls(shown)))) report("body", JSON.stringify(shown.slice(0, 60)));
        return;
      }
      if (number < entry.line + entry.stampText.split(/\r\n|\n|\r/).length) {
        // The stamp (and its `----`) is shown as the entry's date and time.
        const [date, time] = entry.timestamp.split("T");
        if (!page.includes(squeeze(`${date} ${time}`))) report("stamp");
        return;
      }
      if (entry.header !== null && number === entry.header.line) {
        // The header is shown as its elements (tags link to their pages); series markers
        // (`cont2`, `（续）`) become the series navigation, the author's `***` a ★.
        const flags = entry.header.flags ?? [];
        const shown = (element: string, index: number) => {
          const flag = flags.find((candidate) => candidate.index === index);
          return flag ? `${element.slice(0, element.lastIndexOf(flag.mark))}★` : element;
        };
        const absent = entry.header.elements.filter((element, index) => !page.includes(squeeze(visibleControls(shown(element, index)))));
        if (absent.length > 0) report("header", JSON.stringify(absent));
        return;
      }
      if (!page.includes(expected)) report("body");
    });
  }
  return missing;
}

/** What the reader sees of each line of a Markdown entry, by file line (the parser's reading). */
function shownMarkdown(entry: Entry): Map<number, string> {
  const shown = new Map<number, string>();
  const walk = (nodes: BodyNode[]): void => {
    for (const node of nodes) {
      if (node.type === "text" || node.type === "item") shown.set(node.line, node.text);
      if (node.type === "item") walk(node.children);
    }
  };
  walk(entry.body);
  return shown;
}

describe("the redaction the hostile build applied", () => {
  it("masked the word it was asked to, and the report counts it", async () => {
    const masked = timeline.files.reduce((sum, file) => sum + (file.redacted ?? 0), 0);
    expect(result.summary.redactions).toBe(masked);
    // `document.cookie` is one of the payloads
    expect(payloads.some((p) => /\bcookie\b/i.test(p))).toBe(true);
    expect(masked).toBeGreaterThan(0);
    expect(allText).not.toMatch(/(?<![\p{L}\p{N}_])cookie(?![\p{L}\p{N}_])/iu);
  });
});

/** Elements a payload would bring; the site writes only its search forms and calendar among them. */
const FOREIGN = new Set(["iframe", "object", "embed", "base", "form", "svg", "math", "img", "template", "style", "link", "meta", "frame", "video", "audio", "input"]);

function ownElement(element: Element): boolean {
  if (!FOREIGN.has(element.tagName)) return true;
  const className = String((element.properties.className as string[] | undefined)?.join(" ") ?? "");
  if (element.tagName === "form") return element.properties.action === "/search/";
  if (element.tagName === "input") return element.properties.type === "search" || element.properties.name === "q";
  if (element.tagName === "svg") return className === "calendar";
  return false;
}

describe("pages built from hostile input", () => {
  it("hold no script, handler or script URL that dotlog did not write", () => {
    const found: string[] = [];
    for (const file of site.filter((f) => f.path.endsWith(".html"))) {
      const visit = (node: Root | Element): void => {
        for (const child of node.children) {
          // The head is the templates' alone: a payload can only reach <title>, as text.
          if (child.type !== "element" || child.tagName === "head") continue;
          const props = child.properties;
          if (child.tagName === "script" && !/^\/(assets|pagefind)\//.test(String(props.src ?? ""))) found.push(`${file.path}: <script>`);
          for (const [name, value] of Object.entries(props)) {
            if (/^on/i.test(name)) found.push(`${file.path}: <${child.tagName} ${name}>`);
            if (/^(href|src|action|formAction|data|poster)$/.test(name) && /^\s*(javascript|data|vbscript):/i.test(String(value)))
              found.push(`${file.path}: <${child.tagName} ${name}=${String(value).slice(0, 40)}>`);
          }
          if (!ownElement(child)) found.push(`${file.path}: <${child.tagName}>`);
          visit(child);
        }
      };
      visit(fromHtml(file.text));
    }
    expect(found).toEqual([]);
  });
});
