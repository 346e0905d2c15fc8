import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { foldersAfter, listSite, listSiteFiles, moveInto, RACY_MS, removeFromSite } from "./move-into-site.ts";

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

describe("listSite", () => {
  /** Every folder of `dir` dated a minute back, as a site built earlier is. */
  function age(dir: string): void {
    const then = new Date(Date.now() - 60_000);
    for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      if (statSync(path.join(dir, name)).isDirectory()) utimesSync(path.join(dir, name), then, then);
    }
    utimesSync(dir, then, then);
  }

  beforeEach(() => {
    put(root, "index.html", "home");
    put(root, "2012/11/07/index.html", "day");
    put(root, "2012/11/07/1252-gtd/index.html", "entry");
    put(root, "pagefind/pagefind.js", "js");
  });
  const files = ["2012/11/07/1252-gtd/index.html", "2012/11/07/index.html", "index.html", "pagefind"];

  it("lists what listSiteFiles lists, and records each folder with its time and entries", () => {
    age(root);
    const { files: listed, folders } = listSite(root);
    expect(listed.sort()).toEqual(files);
    expect(Object.keys(folders).sort()).toEqual(["", "2012", "2012/11", "2012/11/07", "2012/11/07/1252-gtd"]);
    expect(folders["2012/11/07"]).toEqual([statSync(path.join(root, "2012/11/07")).mtimeMs, expect.arrayContaining(["index.html", "1252-gtd/"])]);
    expect(folders[""]![1]).toContain("pagefind/");
  });

  it("takes a recorded folder whose time has not changed as recorded, without reading it", () => {
    age(root);
    const { folders } = listSite(root);
    // A record that differs from the folder: were the folder read, the listing would not show it.
    folders["2012/11/07"] = [folders["2012/11/07"]![0], ["index.html", "1252-gtd/", "recorded.html"]];
    expect(listSite(root, folders).files.sort()).toEqual([...files.slice(0, 2), "2012/11/07/recorded.html", ...files.slice(2)]);
  });

  it("reads a folder again when a page was deleted from it or a file put in it by hand", () => {
    age(root);
    const { folders } = listSite(root);
    unlinkSync(path.join(root, "2012/11/07/1252-gtd/index.html"));
    put(root, "2012/left-over.html", "old");
    const again = listSite(root, folders);
    expect(again.files.sort()).toEqual(["2012/11/07/index.html", "2012/left-over.html", "index.html", "pagefind"]);
    // Changed just now: not recorded, so the next listing reads them too.
    expect(Object.keys(again.folders).sort()).toEqual(["", "2012/11", "2012/11/07"]);
  });

  it("records no folder changed within RACY_MS of the listing", () => {
    const recent = new Date(Date.now() - RACY_MS / 2);
    age(root);
    utimesSync(path.join(root, "2012/11"), recent, recent);
    expect(Object.keys(listSite(root).folders).sort()).toEqual(["", "2012", "2012/11/07", "2012/11/07/1252-gtd"]);
  });

  it("forgets the folders a build wrote or removed files in, and every folder above them", () => {
    age(root);
    const { folders } = listSite(root);
    expect(Object.keys(foldersAfter(folders, ["2012/11/07/1252-gtd/index.html"])).sort()).toEqual([]);
    expect(Object.keys(foldersAfter(folders, ["2012/11/08/0915-new/index.html", "pagefind"])).sort()).toEqual(["2012/11/07", "2012/11/07/1252-gtd"]);
    expect(Object.keys(foldersAfter(folders, [])).sort()).toEqual(Object.keys(folders).sort());
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
