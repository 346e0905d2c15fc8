// Redaction over real journals: two corpus logs full of transcripts, mail headers and URLs
// are built with the ipv4, ipv6 and email presets; afterwards no address of either kind is
// left in anything the build generated — pages, feeds, sitemap, search index (inflated).

import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildSiteResult } from "../../src/site/build-site.ts";
import { readSiteFiles, type SiteFile } from "./site-files.ts";

const corpus = fileURLToPath(new URL("../fixtures/corpus/", import.meta.url));
const LOGS = ["log201204novell.txt", "log2013.txt"];

// Independent of src/log/redact.ts on purpose: plain shapes of what must not be left.
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

let work: string;
let result: BuildSiteResult;
let generated: SiteFile[];
let source: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "dotlog-corpus-redaction-"));
  const contentDir = path.join(work, "content");
  for (const log of LOGS) await cp(path.join(corpus, log), path.join(contentDir, log));
  await writeFile(path.join(contentDir, "dotlog.config.json"), JSON.stringify({ redact: ["ipv4", "ipv6", "email"] }));
  result = await buildSite({ contentDir, outDir: path.join(work, "site") });
  // Pagefind's scripts and the site's assets are the same for every log.
  generated = (await readSiteFiles(path.join(work, "site"))).filter((f) => !/^pagefind\/[^/]+\.(js|css)$|^pagefind\/wasm\.|^assets\//.test(f.path));
  source = (await Promise.all(LOGS.map((log) => readFile(path.join(corpus, log), "utf8")))).join("\n");
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("redacting addresses in the corpus", () => {
  it("has addresses to redact", () => {
    expect(source.match(IPV4)!.length).toBeGreaterThan(10);
    expect(source.match(EMAIL)!.length).toBeGreaterThan(30);
    // Each masked match is one address of the source (a version number may add a few).
    expect(result.summary.redactions).toBeGreaterThanOrEqual(source.match(IPV4)!.length + source.match(EMAIL)!.length);
  });

  it("leaves no address in any generated file", () => {
    expect(generated.some((f) => f.path.endsWith(".pf_fragment"))).toBe(true);
    const leaks = generated.flatMap((file) => {
      // An address can hide in a URL as `%40` or `%2E`.
      const text = file.text.replace(/%([0-7][0-9A-Fa-f])/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return [...(text.match(IPV4) ?? []), ...(text.match(EMAIL) ?? [])].map((found) => `${file.path}: ${found}`);
    });
    expect(leaks).toEqual([]);
  });

  it("shows the mask where an address was", () => {
    // log201204novell.txt line 699: `2), GSoC: register with bjzhang@suse.com`
    expect(generated.some((f) => f.path.endsWith(".html") && f.text.includes("GSoC: register with █████"))).toBe(true);
  });
});
