// The time the search-index step takes on a large log, run directly on its documents (no
// Eleventy beside it): cold (empty cache), unchanged (every record as last time) and append
// (one new entry after the newest, as the daily `dotlog build` sees it).
//
//   node --import tsx scripts/make-corpus.ts --entries 10000 --out /tmp/sc10k
//   node --import tsx scripts/bench/search-index.ts --content /tmp/sc10k [--runs 3]

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { findLogs, loadTimeline } from "../../src/log/index.ts";
import { entryDocuments, identifierTerms, type SearchDocument } from "../../src/site/search/documents.ts";
import { writeSearchIndex, type SearchReport } from "../../src/site/search/write-search-index.ts";

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const contentDir = argValue("--content");
if (!contentDir) {
  console.error("usage: search-index.ts --content <log folder> [--runs N]");
  process.exit(2);
}
const runs = Number(argValue("--runs") ?? "1");

const timeline = await loadTimeline(await findLogs(contentDir));
const documents = entryDocuments(timeline.entries, timeline.tags);

/** A new entry one minute after the newest, in the style of the log. */
function appended(after: readonly SearchDocument[], n: number): SearchDocument {
  const last = [...after].sort((a, b) => a.date.localeCompare(b.date)).at(-1)!;
  const date = new Date(`${last.date}:00Z`);
  date.setUTCMinutes(date.getUTCMinutes() + 1 + n);
  const stamp = date.toISOString().slice(0, 16);
  const text = `appended entry ${n}: rcrpcbind restart after zypper up, 重启服务 ${stamp}`;
  return {
    url: `/${stamp.slice(0, 10).replaceAll("-", "/")}/${stamp.slice(11, 16).replace(":", "")}-appended-${n}/`,
    title: `appended entry ${n}`,
    date: stamp,
    tags: ["nfs"],
    year: stamp.slice(0, 4),
    kind: "entry",
    text,
    terms: identifierTerms(text),
  };
}

const describe = (report: SearchReport): string => {
  const parts = report.parts ? `, parts ${report.parts.indexed} indexed / ${report.parts.cached} cached of ${report.parts.total}` : "";
  return `${(report.ms / 1000).toFixed(2)} s (${report.records.toLocaleString("en")} records${report.cached ? ", from the cache" : ""}${parts})`;
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const times: Record<"cold" | "unchanged" | "append", number[]> = { cold: [], unchanged: [], append: [] };

console.log(`search index: ${documents.length.toLocaleString("en")} documents from ${contentDir}`);
for (let run = 0; run < runs; run++) {
  const work = await mkdtemp(path.join(tmpdir(), "dotlog-bench-index-"));
  try {
    const cacheDir = path.join(work, "cache");
    const outDir = path.join(work, "site");
    const cold = await writeSearchIndex({ outDir, documents, cacheDir });
    const unchanged = await writeSearchIndex({ outDir, documents, cacheDir });
    const append = await writeSearchIndex({ outDir, documents: [...documents, appended(documents, run)], cacheDir });
    console.log(`run ${run + 1}: cold ${describe(cold)}; unchanged ${describe(unchanged)}; append ${describe(append)}`);
    if (cold.errors.length + append.errors.length > 0) console.log(`  errors: ${[...cold.errors, ...append.errors].slice(0, 5).join("; ")}`);
    times.cold.push(cold.ms);
    times.unchanged.push(unchanged.ms);
    times.append.push(append.ms);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`median of ${runs}: cold ${seconds(median(times.cold))}, unchanged ${seconds(median(times.unchanged))}, append ${seconds(median(times.append))}`);
