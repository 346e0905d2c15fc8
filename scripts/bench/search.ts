// The search section of `npm run bench`: what a reader's browser downloads to search a
// 10,000-entry site. The site is built by the real build, served by a local server that
// compresses as Netlify does (brotli, else gzip; by each file's type, the one netlify.toml
// gives it if it does), and searched from `/search/?q=` in Debian's Chromium; every
// response's bytes on the wire (body and headers) are summed for the first query (page
// script, Pagefind's JS and WASM, index, filters, fragments) and for each later query in the
// same page. Of netlify.toml's headers only the type is sent: the others (the CSP, ~0.5 KB)
// would count again on each of the ~20 responses here, where HTTP/2 sends them once.
//
//   node --import tsx scripts/bench/search.ts [--entries 10000] [--site <built site>] [--compression br|gzip]
//     [--brotli-quality 11]  (a host compressing each response as it goes may use ~5)

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page, Request } from "playwright-core";
import { buildSite } from "../../src/site/build-site.ts";
import type { SearchParts } from "../../src/site/search/write-search-index.ts";
import { launchChromium } from "../../test/browser/browser.ts";
import { startStaticServer, type Compression } from "../../test/browser/static-server.ts";
import { netlifyHeadersFor } from "../../test/cli/netlify-headers.ts";
import { makeCorpus } from "../make-corpus.ts";

/** The scale issue's targets, the first query's as issue 19 set it. */
export const SEARCH_TARGETS = { firstQueryBytes: 150_000, laterQueryBytes: 20_000 };

const FIRST_QUERY = "rpcbind";
const LATER_QUERIES = ["统计信息", "domainBlockStats", "virsh attach-disk", "大小核"];

export interface QueryBytes {
  query: string;
  bytes: number;
  requests: number;
  /** Bytes by kind of file, for seeing where a payload goes. */
  byKind: Record<string, number>;
}

export interface SearchBenchResult {
  entries: number;
  /** Records in each part of the index, oldest part first. */
  parts: number[];
  compression: Compression;
  first: QueryBytes;
  later: QueryBytes[];
}

export interface SearchBenchOptions {
  entries?: number;
  /** A site built already (the build section's 10,000-entry site); built here when absent. */
  siteDir?: string;
  log?: (line: string) => void;
  /** The encodings measured, each in its own browser (brotli and gzip by default). */
  compressions?: readonly Compression[];
  /** Brotli's quality, 11 by default. */
  brotliQuality?: number;
}

export async function benchSearch(options: SearchBenchOptions = {}): Promise<SearchBenchResult[]> {
  const entries = options.entries ?? 10_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const work = await mkdtemp(path.join(tmpdir(), "dotlog-bench-search-"));
  try {
    let siteDir = options.siteDir;
    if (!siteDir) {
      log(`search: building a ${entries.toLocaleString("en")}-entry site…`);
      const contentDir = path.join(work, "content");
      await makeCorpus(entries, contentDir);
      siteDir = path.join(work, "site");
      await buildSite({ contentDir, outDir: siteDir });
    }
    const results: SearchBenchResult[] = [];
    for (const compression of options.compressions ?? (["br", "gzip"] as const)) results.push(await measure(siteDir, entries, compression, options.brotliQuality));
    for (const line of formatSearchBench(results)) log(line);
    return results;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function measure(siteDir: string, entries: number, compression: Compression, brotliQuality?: number): Promise<SearchBenchResult> {
  const list = JSON.parse(await readFile(path.join(siteDir, "pagefind", "parts.json"), "utf8")) as SearchParts;
  const parts = list.parts.map((part) => part.records);
  const server = await startStaticServer({ root: siteDir, compress: [compression], headers: netlifyType, ...(brotliQuality ? { brotliQuality } : {}) });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: Request[] = [];
    page.on("requestfinished", (request) => requests.push(request));

    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(FIRST_QUERY)}`);
    await settled(page);
    const first = await sum(FIRST_QUERY, requests.splice(0), server.origin);

    const later: QueryBytes[] = [];
    for (const query of LATER_QUERIES) {
      await page.fill("#search-q", query);
      await page.press("#search-q", "Enter");
      await page.waitForFunction((q) => document.querySelector("[data-search-status]")?.textContent?.includes(`“${q}”`), query);
      await settled(page);
      later.push(await sum(query, requests.splice(0), server.origin));
    }
    await context.close();
    return { entries, parts, compression, first, later };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The type netlify.toml gives a path, if it gives one. */
function netlifyType(urlPath: string): Record<string, string> {
  const type = netlifyHeadersFor(urlPath)["content-type"];
  return type ? { "content-type": type } : {};
}

/** Results shown and the network quiet: Pagefind loads fragments after the result list. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => /result/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
  await page.waitForLoadState("networkidle");
}

async function sum(query: string, requests: Request[], origin: string): Promise<QueryBytes> {
  const byKind: Record<string, number> = {};
  let bytes = 0;
  let counted = 0;
  for (const request of requests) {
    const url = new URL(request.url());
    if (url.origin !== origin) continue;
    // The page itself and the site's stylesheet are the same for any page: search's own
    // cost is its script and everything Pagefind fetches.
    if (!url.pathname.startsWith("/pagefind/") && url.pathname !== "/assets/search.js") continue;
    const sizes = await request.sizes();
    const size = sizes.responseBodySize + sizes.responseHeadersSize;
    bytes += size;
    counted++;
    const kind = kindOf(url.pathname);
    byKind[kind] = (byKind[kind] ?? 0) + size;
  }
  return { query, bytes, requests: counted, byKind };
}

function kindOf(pathname: string): string {
  if (pathname.endsWith(".js")) return "js";
  if (pathname.includes("wasm")) return "wasm";
  const ext = /\.pf_(\w+)$/.exec(pathname)?.[1];
  return ext ?? path.extname(pathname).slice(1);
}

export function formatSearchBench(results: SearchBenchResult[]): string[] {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  const lines: string[] = [];
  for (const result of results) {
    const verdict = (bytes: number, target: number) => (bytes <= target ? "ok" : `OVER the ${kb(target)} target`);
    const parts = (q: QueryBytes) => Object.entries(q.byKind).map(([kind, bytes]) => `${kind} ${kb(bytes)}`).join(", ");
    const index = `${result.parts.length} ${result.parts.length === 1 ? "part" : "parts"} (${result.parts.map((n) => n.toLocaleString("en")).join(" + ")} records)`;
    lines.push(`search payload, ${result.entries.toLocaleString("en")} entries, index in ${index}, ${result.compression}:`);
    lines.push(`  first query  ${result.first.query.padEnd(18)} ${kb(result.first.bytes).padStart(9)} in ${result.first.requests} requests (${parts(result.first)}) — ${verdict(result.first.bytes, SEARCH_TARGETS.firstQueryBytes)}`);
    for (const query of result.later) {
      lines.push(`  later query  ${query.query.padEnd(18)} ${kb(query.bytes).padStart(9)} in ${query.requests} requests (${parts(query)}) — ${verdict(query.bytes, SEARCH_TARGETS.laterQueryBytes)}`);
    }
  }
  return lines;
}

/** The `search` section of `npm run bench`. */
export async function run(): Promise<void> {
  await benchSearch();
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const entries = Number(argValue("--entries") ?? "10000");
  const siteDir = argValue("--site");
  const compression = argValue("--compression");
  const brotliQuality = argValue("--brotli-quality");
  await benchSearch({
    entries,
    ...(siteDir ? { siteDir } : {}),
    ...(compression ? { compressions: [compression as Compression] } : {}),
    ...(brotliQuality ? { brotliQuality: Number(brotliQuality) } : {}),
  });
}
