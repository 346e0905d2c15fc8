import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listSiteFiles, moveInto, removeFromSite } from "./move-into-site.ts";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "dotlog-move-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function put(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

describe("listSiteFiles", () => {
  it("lists files with / separators, and the search index once as a folder", () => {
    put(root, "index.html", "home");
    put(root, "2012/11/07/1252-gtd/index.html", "entry");
    put(root, "pagefind/pagefind.js", "js");
    put(root, "pagefind/fragment/a.pf_fragment", "f");
    expect(listSiteFiles(root).sort()).toEqual(["2012/11/07/1252-gtd/index.html", "index.html", "pagefind"]);
  });
});

describe("moveInto", () => {
  it("replaces changed files and the search index, and leaves the other files as they were", async () => {
    const site = path.join(root, "site");
    const staging = path.join(root, "staging");
    put(site, "index.html", "old home");
    put(site, "2012/11/07/index.html", "old day");
    put(site, "2012/11/06/index.html", "untouched day");
    put(site, "pagefind/old.pf_meta", "old index");
    const untouched = statSync(path.join(site, "2012/11/06/index.html")).ino;
    put(staging, "index.html", "new home");
    put(staging, "2012/11/07/index.html", "new day");
    put(staging, "2012/11/08/0915-new/index.html", "new entry");
    put(staging, "pagefind/new.pf_meta", "new index");
    await moveInto(staging, site, listSiteFiles(staging));
    expect(readFileSync(path.join(site, "index.html"), "utf8")).toBe("new home");
    expect(readFileSync(path.join(site, "2012/11/07/index.html"), "utf8")).toBe("new day");
    expect(readFileSync(path.join(site, "2012/11/08/0915-new/index.html"), "utf8")).toBe("new entry");
    expect(statSync(path.join(site, "2012/11/06/index.html")).ino).toBe(untouched);
    expect(existsSync(path.join(site, "pagefind/old.pf_meta"))).toBe(false);
    expect(readFileSync(path.join(site, "pagefind/new.pf_meta"), "utf8")).toBe("new index");
  });
});

describe("removeFromSite", () => {
  it("removes the files and the folders they leave empty, never the site folder", async () => {
    put(root, "2012/11/08/0915-new/index.html", "gone");
    put(root, "2012/11/07/index.html", "stays");
    await removeFromSite(root, ["2012/11/08/0915-new/index.html"]);
    expect(existsSync(path.join(root, "2012/11/08"))).toBe(false);
    expect(existsSync(path.join(root, "2012/11/07/index.html"))).toBe(true);
    await removeFromSite(root, ["2012/11/07/index.html"]);
    expect(existsSync(root)).toBe(true);
    expect(existsSync(path.join(root, "2012"))).toBe(false);
  });
});
