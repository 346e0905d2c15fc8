// What a build tells its user: progress while it works, then one report of what was read,
// what was written, and every warning as file:line grouped by code.

import type { LogWarning } from "../log/types.ts";

export interface BuildSummary {
  contentDir: string;
  outDir: string;
  /** Log files found in the content folder. */
  filesFound: number;
  /** Of those, the files that could be read. */
  filesRead: number;
  entries: number;
  /** Entries on the site after `exclude`/`include`. */
  published: number;
  tags: number;
  /** Tags of the published entries. */
  publishedTags: number;
  /** Blog posts published (generated and hand-written). */
  posts: number;
  /** HTML pages of the site (feeds, sitemap and copied assets aside). */
  pages: number;
  /** Of the site's files, those taken unchanged from the last build (an incremental build). */
  pagesKept?: number;
  /** Of the site's HTML pages, those copied from the cache's page store (a build into a new site folder). */
  pagesCopied?: number;
  /** Records in the search index, or null when no index was written. */
  searchRecords: number | null;
  /** Entry bodies rendered, and taken from the render cache. */
  bodies?: { rendered: number; cached: number };
  /** Text matches masked by `redact`/`redactNames`. */
  redactions: number;
  warnings: LogWarning[];
  /** Problems that make the exit code non-zero although the site was written; one line each. */
  failures: string[];
  ms: number;
}

/** How many `file:line` lines a code lists before it only counts the rest. */
export const LISTED_PER_CODE = 10;

export function formatReport(summary: BuildSummary): string {
  const excluded = summary.entries - summary.published;
  const rows: [string, string][] = [
    ["files read", count(summary.filesRead) + (summary.filesRead < summary.filesFound ? ` of ${count(summary.filesFound)}` : "")],
    ["entries", `${count(summary.entries)} (${count(summary.published)} published, ${count(excluded)} excluded)`],
    ["tags", count(summary.tags) + (summary.publishedTags < summary.tags ? ` (${count(summary.publishedTags)} published)` : "")],
    ["blog posts", count(summary.posts)],
    ...(summary.bodies ? [["rendered", `${count(summary.bodies.rendered)} entries (${count(summary.bodies.cached)} from the cache)`] as [string, string]] : []),
    ["pages", count(summary.pages) + (summary.pagesKept ? ` (${count(summary.pagesKept)} unchanged since the last build)` : "") + (summary.pagesCopied ? ` (${count(summary.pagesCopied)} copied from the cache)` : "")],
    ["search index", summary.searchRecords === null ? "not written" : `${count(summary.searchRecords)} records`],
    ["redacted", `${count(summary.redactions)} matches`],
    ["warnings", count(summary.warnings.length)],
    ["time", `${(summary.ms / 1000).toFixed(1)} s`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [
    `dotlog: built ${summary.contentDir} into ${summary.outDir}`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    ...formatWarnings(summary.warnings),
  ];
  return `${lines.join("\n")}\n`;
}

/** `unresolved-ref (3)` then its `file:line  message` lines, codes with the most warnings first. */
export function formatWarnings(warnings: readonly LogWarning[]): string[] {
  const byCode = new Map<string, LogWarning[]>();
  for (const warning of warnings) {
    const group = byCode.get(warning.code) ?? [];
    group.push(warning);
    byCode.set(warning.code, group);
  }
  const groups = [...byCode].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b));
  return groups.flatMap(([code, group]) => [
    `${code} (${count(group.length)})`,
    ...group.slice(0, LISTED_PER_CODE).map((w) => `  ${w.file}:${w.line}  ${oneLine(w.message)}`),
    ...(group.length > LISTED_PER_CODE ? [`  … and ${count(group.length - LISTED_PER_CODE)} more (dotlog check lists them all)`] : []),
  ]);
}

export function count(n: number): string {
  return n.toLocaleString("en-US");
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

export type Progress = (phase: string, done: number, total: number) => void;

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * On a terminal, one line rewritten in place (`rendering 4,210/11,282`), at most every
 * `intervalMs`; elsewhere (CI, a log file) one plain line when a phase starts.
 * `end()` clears the terminal line before the report is printed.
 */
export function createProgress(stream: ProgressStream, intervalMs = 100): { progress: Progress; end: () => void } {
  let phase = "";
  let shown = 0;
  let dirty = false;
  if (!stream.isTTY) {
    return {
      progress: (next, _done, total) => {
        if (next === phase) return;
        phase = next;
        stream.write(`${next}${total > 1 ? ` (${count(total)})` : ""}\n`);
      },
      end: () => {},
    };
  }
  return {
    progress: (next, done, total) => {
      const now = performance.now();
      if (next === phase && done < total && now - shown < intervalMs) return;
      phase = next;
      shown = now;
      dirty = true;
      const line = total > 1 ? `${next} ${count(done)}/${count(total)}` : next;
      // Cut to the terminal's width so the line never wraps (a pty may report 0 columns).
      const width = stream.columns && stream.columns > 10 ? stream.columns - 1 : line.length;
      stream.write(`\r\x1b[K${line.slice(0, width)}`);
    },
    end: () => {
      if (dirty) stream.write("\r\x1b[K");
      dirty = false;
    },
  };
}
