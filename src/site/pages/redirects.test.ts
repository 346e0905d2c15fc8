import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { absoluteUrl } from "../plugin.ts";
import { redirectPageHtml } from "./redirects.ts";
import type { RedirectPage } from "./types.ts";
import { writeDirectPages } from "./write-direct-pages.ts";

const FIXTURES = path.resolve("test/fixtures/redirect-pages");

interface Case {
  file: string;
  site: { language: string; title: string; pathPrefix: string; baseUrl: string };
  redirect: RedirectPage;
}

const siteOf = (site: Case["site"]) => ({ ...site, absoluteUrl: (url: string) => absoluteUrl(url, site) });

describe("redirectPageHtml", () => {
  // The fixtures are pages Eleventy wrote from the former redirect.njk (with HtmlBasePlugin):
  // a title cut at 55 characters, quotes, `<`, `&` and a backslash, CJK, and a site with a
  // path prefix holding a space and a title to escape.
  it("writes the page Eleventy wrote, byte for byte", async () => {
    const cases = JSON.parse(await readFile(path.join(FIXTURES, "cases.json"), "utf8")) as Case[];
    expect(cases.some((c) => c.site.pathPrefix !== "/")).toBe(true);
    for (const { file, site, redirect } of cases) {
      expect(redirectPageHtml(redirect, siteOf(site)), file).toBe(await readFile(path.join(FIXTURES, file), "utf8"));
    }
  });
});

describe("writeDirectPages", () => {
  it("writes each selected redirect page at its id URL, and nothing for an empty selection", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dotlog-direct-"));
    try {
      const site = siteOf({ language: "en", title: "log", pathPrefix: "/", baseUrl: "https://example.org" });
      const redirects: RedirectPage[] = [
        { from: "/2012/11/07/1252/", to: "/2012/11/07/1252-gtd/", title: "gtd" },
        { from: "/2012/11/07/1817-2/", to: "/2012/11/07/1817-2-rpc/", title: "rpc <2>" },
      ];
      expect(await writeDirectPages(dir, { redirects: [] }, site)).toBe(0);
      expect(await writeDirectPages(dir, { redirects, entries: [{ url: "/not/written/" }] }, site)).toBe(2);
      for (const redirect of redirects) {
        expect(await readFile(path.join(dir, redirect.from, "index.html"), "utf8")).toBe(redirectPageHtml(redirect, site));
      }
      await expect(readFile(path.join(dir, "not/written/index.html"))).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("fails the build, not silently, when a page cannot be written", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dotlog-direct-"));
    try {
      await writeFile(path.join(dir, "2012"), "a file where a folder must go");
      const site = siteOf({ language: "en", title: "log", pathPrefix: "/", baseUrl: "https://example.org" });
      const redirects: RedirectPage[] = [{ from: "/2012/11/07/1252/", to: "/2012/11/07/1252-gtd/", title: "gtd" }];
      await expect(writeDirectPages(dir, { redirects }, site)).rejects.toThrow(/ENOTDIR|EEXIST/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
