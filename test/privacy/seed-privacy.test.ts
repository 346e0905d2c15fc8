// The real seed, built with the issue's own example settings: plans (`GTD`), company matters
// and one entry by id stay home, colleagues' names and addresses are masked. Every word that
// only the excluded entries hold is a canary; none may reach any file of the output.

import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTimeline, type Timeline } from "../../src/log/index.ts";
import { buildSite, type BuildSiteResult } from "../../src/site/build-site.ts";
import { defaultOptions } from "../../src/site/options.ts";
import { publishTimeline, redactOptions } from "../../src/site/privacy/index.ts";
import { readSiteFiles, type SiteFile } from "./site-files.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const SEED = "000_76b23a5250f26162.txt";
const CONFIG = {
  exclude: { tags: ["company", "GTD"], entries: ["2012-11-06T16:52"] },
  redact: ["ipv4", "email"],
  redactNames: ["Jim", "Chunyan", "Jiaju", "BoYang", "Lin Ma"],
};

let work: string;
let result: BuildSiteResult;
let files: SiteFile[];
let full: Timeline;
let published: Timeline;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "dotlog-seed-privacy-"));
  const contentDir = path.join(work, "content");
  await cp(path.join(root, "content", SEED), path.join(contentDir, SEED));
  await writeFile(path.join(contentDir, "dotlog.config.json"), JSON.stringify(CONFIG));
  result = await buildSite({ contentDir, outDir: path.join(work, "site") });
  files = await readSiteFiles(path.join(work, "site"));
  const options = { ...defaultOptions, ...CONFIG, exclude: CONFIG.exclude } as typeof defaultOptions;
  full = parseTimeline([{ file: SEED, bytes: await readFile(path.join(contentDir, SEED)) }], { redact: redactOptions(options)! });
  published = publishTimeline(full, options).timeline;
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** Words of the site's own templates (navigation, headings) are not the log's. */
async function templateText(): Promise<string> {
  const dir = path.join(root, "templates");
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(names.filter((d) => d.isFile()).map((d) => readFile(path.join(d.parentPath, d.name), "utf8")));
  return texts.join("\n").toLowerCase();
}

describe("the seed with plans, company matters and one entry kept private", () => {
  it("publishes the rest, and says how much it held back", () => {
    const excluded = full.entries.length - published.entries.length;
    expect(excluded).toBe(7); // five plans, the company meeting, 16:52 2012-11-06
    expect(result.summary.entries).toBe(full.entries.length);
    expect(result.summary.published).toBe(published.entries.length);
    expect(result.summary.redactions).toBe(full.files[0]!.redacted);
    expect(result.summary.redactions).toBeGreaterThan(10);
  });

  it("writes no word that only the excluded entries hold", async () => {
    const publicText = published.entries.map((e) => e.raw).join("\n").toLowerCase();
    const chrome = await templateText();
    const hidden = full.entries.filter((e) => !published.byId.has(e.id));
    const canaries = new Set(
      hidden
        .flatMap((e) => e.raw.toLowerCase().match(/[\p{L}\p{N}_]{6,}/gu) ?? [])
        .filter((word) => /\p{L}/u.test(word) && !publicText.includes(word) && !chrome.includes(word)),
    );
    // e.g. `macvtype` (the company meeting), `libxl__domain_suspend` (16:52), `performance` (a plan)
    expect(canaries).toContain("macvtype");
    expect(canaries).toContain("libxl__domain_suspend");
    expect(canaries.size).toBeGreaterThan(30);
    // Pagefind's own scripts and the site's assets are the same for every log.
    const generated = files.filter((f) => !/^pagefind\/[^/]+\.(js|css)$|^pagefind\/wasm\.|^assets\//.test(f.path));
    expect(generated.some((f) => f.path.endsWith(".pf_fragment"))).toBe(true);
    const leaks = generated.flatMap((file) => {
      const text = file.text.toLowerCase();
      return [...canaries].filter((word) => text.includes(word) || file.path.toLowerCase().includes(word)).map((w) => `${file.path}: ${w}`);
    });
    expect(leaks).toEqual([]);
  });

  it("writes none of the names and addresses", () => {
    const leaks = files.flatMap((file) =>
      /(?<![\p{L}\p{N}_])(jim|chunyan|jiaju|boyang|lin\s+ma)(?![\p{L}\p{N}_])|147\.2\.207\.7[47]|127\.0\.0\.1/iu.test(file.text) ? [file.path] : [],
    );
    expect(leaks).toEqual([]);
  });

  it("still publishes what the plan asked for: the post about armv8 and arm server", () => {
    const post = files.find((f) => f.path === "blog/armv8-and-arm-server/index.html");
    expect(post?.text).toContain("Linaro Enterprise Group");
    expect(post?.text).not.toContain("/2012/11/05/1037");
  });
});
