// Canary test (issue 7): a log whose private parts carry unique strings is built in full;
// none of those strings may reach the output — no page, feed, sitemap, search index file
// (inflated), file name or folder name — while the public parts do.

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildSiteResult } from "../../src/site/build-site.ts";
import { formatReport } from "../../src/site/report.ts";
import { openBuiltIndex, type BuiltIndex } from "../../src/site/search/open-built-index.ts";
import { readTagsPage } from "../site/tags-page.ts";
import { readSiteFiles, readSiteFolders, type SiteFile } from "./site-files.ts";

const contentDir = fileURLToPath(new URL("../fixtures/privacy/content/", import.meta.url));
const logFile = path.join(contentDir, "work.log");
/** A hand-written post: redaction masks it as it masks the logs (its file name is a canary too). */
const postFile = path.join(contentDir, "posts", "quillfeather-zebra-review.md");

/** Written only in excluded entries (tags `company`, `GTD`, `private`, and `16:30 2013-03-06` by id). */
const EXCLUDED = [
  "zqxplansecret", // a plan item
  "zqxplanhost",
  "zqxtagsecret", // a tag only excluded entries carry
  "zqxtitlesecret", // a title, hence a slug and a URL
  "zqxbodysecret",
  "机密代号甲乙丙",
  "zqxshellsecret", // a transcript
  "zqxurlsecret", // a URL
  "zqxcontextsecret", // the context of a backlink to a public entry
  "zqxtodosecret", // a TODO (the /todo/ page)
  "zqxprivatetag",
  "zqxprivatebody",
  "zqxseriessecret", // part 2 of a series whose part 1 is public
  "zqxseriesbody",
  "zqxidsecret",
  "zqxidbody",
  "zqxhomepreamble", // text before the first entry of a file whose entries are all private (home.log)
  "zqxhomebody",
];

/** Masked by `redact` / `redactNames` in dotlog.config.json, in public and excluded entries alike. */
const REDACTED = ["Quillfeather", "10.231.77.19", "qx.canary@example.org", "qx.canary", "ACME-PRJ-4471", "fd12:3456:789a::77"];

const CANARIES = [...EXCLUDED, ...REDACTED];

let outDir: string;
let result: BuildSiteResult;
let files: SiteFile[];
let index: BuiltIndex;

beforeAll(async () => {
  outDir = path.join(await mkdtemp(path.join(tmpdir(), "dotlog-canary-")), "site");
  result = await buildSite({ contentDir, outDir });
  files = await readSiteFiles(outDir);
  index = await openBuiltIndex(path.join(outDir, "pagefind"));
});

afterAll(async () => {
  await index?.destroy();
  if (outDir) await rm(path.dirname(outDir), { recursive: true, force: true });
});

function page(url: string): string {
  const file = files.find((f) => f.path === `${url.replace(/^\//, "")}index.html`);
  if (file === undefined) throw new Error(`no page at ${url}`);
  return file.text;
}

describe("the canaries", () => {
  it("are all in the logs, so the test means something", async () => {
    const log = (await readFile(logFile, "utf8")) + (await readFile(path.join(contentDir, "home.log"), "utf8"));
    for (const canary of CANARIES) expect(log).toContain(canary);
    const post = await readFile(postFile, "utf8");
    for (const canary of REDACTED) expect(post).toContain(canary);
  });

  it("appear in no file the build wrote, inflated or not", () => {
    // Pagefind's own files, the feeds and the sitemap are there to be searched, with public text.
    expect(files.filter((f) => /\.pf_(index|fragment|filter|meta)$/.test(f.path)).length).toBeGreaterThan(3);
    const text = (name: string) => files.find((f) => f.path === name)?.text ?? "";
    expect(text("entries.xml")).toContain("zebra crossing notes");
    expect(text("feed.xml")).toContain("zebra routing daemon");
    expect(text("tags/tools/feed.xml")).toContain("vtysh basics");
    expect(text("sitemap.xml")).toContain("/2013/03/04/1000-zebra-crossing-notes/");
    const leaks = files.flatMap((file) => {
      const text = file.text.toLowerCase();
      return CANARIES.filter((canary) => text.includes(canary.toLowerCase())).map((canary) => `${file.path}: ${canary}`);
    });
    expect(leaks).toEqual([]);
  });

  it("appear in no file or folder name", async () => {
    const names = [...files.map((f) => f.path), ...(await readSiteFolders(outDir))].map((name) => decodeURIComponent(name).toLowerCase());
    expect(names.filter((name) => CANARIES.some((canary) => name.includes(canary.toLowerCase())))).toEqual([]);
  });

  it("find nothing in the search index", async () => {
    for (const canary of [...EXCLUDED, "Quillfeather"]) expect(await index.search(canary), canary).toEqual([]);
  });
});

describe("what is published", () => {
  it("is the public entries, with masks where the private words were", () => {
    const entry = page("/2013/03/04/1000-zebra-crossing-notes/");
    expect(entry).toContain("public text about the zebra routing daemon");
    // seven matches on lines 15–20 of the log
    expect(entry.split("█████").length - 1).toBeGreaterThanOrEqual(7);
    expect(page("/2013/03/06/1500-vtysh-basics/")).toContain("vtysh is the zebra shell");
  });

  it("slugs the title after masking", () => {
    expect(files.some((f) => f.path.startsWith("2013/03/06/1700-review-with-next-steps/"))).toBe(true);
  });

  it("is found by search, so the search check above could fail", async () => {
    const hits = await index.search("routing daemon");
    expect(hits.map((hit) => hit.url)).toContain("/2013/03/04/1000-zebra-crossing-notes/");
  });

  it("counts the excluded entries and the masked matches in the build report", async () => {
    const log = await readFile(logFile, "utf8");
    const written = (word: string) => log.split(word).length - 1;
    const rules = ["Quillfeather", "10.231.77.19", "qx.canary@example.org", "ACME-PRJ-4471", "fd12:3456:789a::77"];
    const inLog = rules.map(written).reduce((a, b) => a + b, 0);
    // The post's file name and text; names and the ticket pattern match whatever the case.
    const post = `${path.basename(postFile)}\n${await readFile(postFile, "utf8")}`.toLowerCase();
    const inPost = rules.map((word) => post.split(word.toLowerCase()).length - 1).reduce((a, b) => a + b, 0);
    expect(inPost).toBe(11);
    expect(result.summary.entries).toBe(9);
    expect(result.summary.published).toBe(3);
    expect(result.summary.redactions).toBe(inLog + inPost);
  });

  it("counts only public entries on the tag index", () => {
    // `tools`: 15:00 2013-03-06 public, 16:00 private; `zebra tools` the same series.
    // The index shows no count beside a tag in a line of tags used once.
    const listed = new Map(readTagsPage(outDir).listed.map((tag) => [tag.name, tag.once ? 1 : tag.count]));
    expect(listed.get("tools")).toBe(1);
    expect(listed.get("zebra tools")).toBe(1);
    expect([...listed.keys()].filter((name) => /^(company|gtd|private|misc)$/i.test(name))).toEqual([]);
  });

  it("counts only public entries in the activity calendar", () => {
    const calendar = [...page("/2013/").matchAll(/(\d+) entr(?:y|ies) on (\d{4}-\d\d-\d\d)/g)].map((m) => [m[2], Number(m[1])]);
    // 4 March: 10:00 (9:00 and 11:00 excluded); 5 March: none (14:00 is private); 6 March: 15:00 and 17:00.
    expect(calendar).toEqual([
      ["2013-03-04", 1],
      ["2013-03-06", 2],
    ]);
  });

  it("has no page for a day whose entries are all excluded, and no link to one", () => {
    expect(files.some((f) => f.path.startsWith("2013/03/05/"))).toBe(false);
    expect(files.filter((f) => f.path.endsWith(".html") && f.text.includes("/2013/03/05/")).map((f) => f.path)).toEqual([]);
  });

  it("keeps no trace of an excluded entry's address: no page, redirect or link", () => {
    // The id URLs of 9:00 and 11:00 2013-03-04, 14:00 2013-03-05, 16:00 and 16:30 2013-03-06.
    const addresses = ["2013/03/04/0900", "2013/03/04/1100", "2013/03/05/1400", "2013/03/06/1600", "2013/03/06/1630"];
    const traces = files.flatMap((file) =>
      addresses.filter((address) => file.path.startsWith(address) || file.text.includes(`/${address}`)).map((a) => `${file.path}: ${a}`),
    );
    expect(traces).toEqual([]);
    expect(files.some((f) => f.path.startsWith("2013/03/06/1500"))).toBe(true);
  });

  it("leaves a reference to an excluded entry as its text, unlinked", () => {
    const entry = page("/2013/03/04/1000-zebra-crossing-notes/");
    expect(entry).toMatch(/see(&quot;|")11:00 2013-03-04(&quot;|")/);
    expect(entry).not.toContain("/2013/03/04/1100");
  });
});

describe("hand-written posts", () => {
  it("are published with masks where the private words were, under a slug made from the masked file name", async () => {
    const post = page("/blog/zebra-review/");
    expect(post).toContain("A hand-written post on the zebra review.");
    expect(post).toContain("Zebra review with █████");
    expect(post.split("█████").length - 1).toBeGreaterThanOrEqual(7);
    const hits = await index.search("hand-written post");
    expect(hits.map((hit) => hit.url)).toContain("/blog/zebra-review/");
  });
});

describe("blog requests and excluded entries", () => {
  it("make a post from a request in an excluded plan, built from the public entries only", () => {
    const post = page("/blog/zebra-crossing-notes/");
    expect(post).toContain("public text about the zebra routing daemon");
    // Nothing of the plan but the item's words: not its address, nor its time.
    expect(post).not.toContain("/2013/03/04/0900");
    expect(post).not.toMatch(/2013-03-04T09:00|9:00 2013-03-04/);
  });

  it("make no post from a request that points only at excluded entries, and warn", () => {
    expect(files.some((f) => f.path.startsWith("blog/write-up-the-reorg"))).toBe(false);
    // The request is the TODO on line 51 of the log; the report names it.
    expect(formatReport(result.summary)).toMatch(/work\.log:51\b/);
  });
});
