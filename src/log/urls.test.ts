import { describe, expect, it } from "vitest";
import { findUrls } from "./urls.ts";

describe("findUrls", () => {
  it("reads a whole-line URL (seed line 32)", () => {
    expect(findUrls("http://technotales.wordpress.com/2009/05/17/git-diff-with-vimdiff/")).toEqual([
      { url: "http://technotales.wordpress.com/2009/05/17/git-diff-with-vimdiff/", column: 0 },
    ]);
  });

  it("stops at Chinese text and full-width punctuation", () => {
    expect(findUrls("参考http://www.eet-china.com/ART_8800677493_617693_NT_7a9b2e89.HTM，很好。")).toEqual([
      { url: "http://www.eet-china.com/ART_8800677493_617693_NT_7a9b2e89.HTM", column: 2 },
    ]);
    expect(findUrls("见https://www.transifex.com/projects/p/libvirt/中文说明")[0]!.url).toBe("https://www.transifex.com/projects/p/libvirt/");
  });

  it("leaves trailing punctuation and an unbalanced bracket out, keeps a balanced one", () => {
    const line = "The API is documented in the OBS source and at https://api.opensuse.org/apidocs/ (same credentials as for logging in to https://build.opensuse.org). You can";
    expect(findUrls(line).map((found) => found.url)).toEqual(["https://api.opensuse.org/apidocs/", "https://build.opensuse.org"]);
    expect(findUrls("see http://en.wikipedia.org/wiki/Foo_(bar).")[0]!.url).toBe("http://en.wikipedia.org/wiki/Foo_(bar)");
    expect(findUrls("ftp://ftp.kernel.org/pub/, then")[0]!.url).toBe("ftp://ftp.kernel.org/pub/");
    expect(findUrls(`url="http://example.org/a"`)[0]!.url).toBe("http://example.org/a");
  });

  it("ends at `|` in table rows (log2013.txt 1248)", () => {
    const line = "58|在奶奶家||percy闹|59|1|628|1381724335000|http://fdfs.xmcdn.com/group3/M01/4B/84/wKgDsVJbcKThT2e2ACZU2kymeb4599.mp3|||0|0";
    expect(findUrls(line).map((found) => found.url)).toEqual(["http://fdfs.xmcdn.com/group3/M01/4B/84/wKgDsVJbcKThT2e2ACZU2kymeb4599.mp3"]);
  });

  it("leaves a URL whose host was redacted as text, keeps one whose path was", () => {
    expect(findUrls("http://█████/home/bamvor and https://█████:8080/x")).toEqual([]);
    expect(findUrls("http://147.2.207.77:8080/x http://[fe80::1]/ http://user@build.opensuse.org/p/█████").map((f) => f.url)).toEqual([
      "http://147.2.207.77:8080/x",
      "http://[fe80::1]/",
      "http://user@build.opensuse.org/p/█████",
    ]);
  });

  it("finds nothing in a bare scheme", () => {
    expect(findUrls("http:// and https://")).toEqual([]);
  });
});
