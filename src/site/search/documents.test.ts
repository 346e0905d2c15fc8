import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTimeline, type Entry, type Timeline } from "../../log/index.ts";
import { keptModels, nextBuild } from "../kept-models.ts";
import { entryDocument, entryDocuments, identifierTerms, postDocument, type SearchDocument } from "./documents.ts";

const SEED = path.resolve("content/000_76b23a5250f26162.txt");

describe("identifierTerms", () => {
  // Real lines of the seed log, and the words a search for a part of them needs.
  it.each([
    ["domainBlockStats", ["domain", "Block", "Stats", "BlockStats"]],
    ["libxl_domain_create", ["libxl", "domain", "create", "domain_create"]],
    ["Breakpoint 1 at 0x479eb0: file /usr/src/debug/xen-4.1.2-testing/tools/ioemu-dir/hw/xen_disk.c, line 778.", ["xen_disk.c", "ioemu-dir", "ioemu", "disk.c", "usr"]],
    ["    at /usr/src/debug/xen-4.1.2-testing/tools/ioemu-dir/hw/xen_disk.c:778", ["xen_disk.c", "debug"]],
    ['简单看了看，原来migration里面的核心代码"xc_domain_save"放到了tools/libxl/libxl_save_helper.c', ["xc_domain_save", "domain_save", "libxl_save_helper.c", "save_helper.c"]],
    ["Breakpoint 1, blk_event (xendev=0xadd280)", ["xendev", "blk", "event"]],
    ["linux-vm4:/etc/xen/vm # virsh domiflist 6", ["linux-vm4", "etc", "xen", "vm"]],
  ])("%s", (line, expected) => {
    const terms = identifierTerms(line).split(" ");
    expect(terms).toEqual(expect.arrayContaining(expected));
  });

  it("adds no word the text already holds as it is, and each word once", () => {
    const line = "2, after recompile, the former error does not exist. domainBlockStats and domainBlockStats";
    const terms = identifierTerms(line).split(" ");
    expect(terms).not.toContain("recompile");
    expect(terms).not.toContain("exist");
    expect(terms.filter((term) => term === "BlockStats")).toHaveLength(1);
  });

  it("leaves Chinese runs, numbers and addresses to Pagefind's own tokenizer", () => {
    const terms = identifierTerms("现在芯片公司还差TI, Qualcomm. mount.nfs 147.2.207.77:/home 0xadd280");
    expect(terms).not.toMatch(/[\u4e00-\u9fff]/);
    expect(terms.split(" ")).not.toContain("147");
    expect(terms.split(" ")).not.toContain("0xadd280");
  });
});

describe("identifierTerms against its first, token-by-token form", () => {
  // The words of every entry of the seed and the corpus, each way: the memo of taken-apart
  // tokens must give the same words in the same order as taking every token apart again.
  it("gives the same terms for every entry, alone and with one memo of tokens for all", async () => {
    const corpus = path.resolve("test/fixtures/corpus");
    const files = [SEED, ...(await readdir(corpus)).filter((file) => file.endsWith(".txt")).map((file) => path.join(corpus, file))];
    const all = await loadTimeline(files);
    const texts = all.entries.map((entry) => `${entry.title}\n${entryDocument(entry, all.tags).text}`);
    const tokens = new Map();
    for (const memo of [undefined, tokens, tokens]) {
      const differ = texts.filter((text) => identifierTerms(text, memo) !== firstIdentifierTerms(text));
      expect(differ).toEqual([]);
    }
    expect(texts.filter((text) => firstIdentifierTerms(text) !== "").length).toBeGreaterThan(300);
  });
});

// identifierTerms as first written (commit 331e050), kept to check the memoized one against.
function firstIdentifierTerms(text: string): string {
  const PATH_SEPARATORS = /[/\\:=()[\]{}<>,;"'`|*&@!?#$%^~+，。：；（）“”‘’、]+/;
  const WORD_SEPARATORS = /[_.\-]+/;
  const WORD_SEPARATORS_ALL = new RegExp(WORD_SEPARATORS.source, "g");
  const CAMEL_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;
  const LATIN = /[A-Za-z]/;
  const ASCII_WORD = /^[\x21-\x7e]+$/;
  const STARTS_WITH_DIGIT = /^\d/;
  const MAX_TAIL_PARTS = 5;
  const bare = (token: string) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  const plain = new Set(text.split(/\s+/).map((word) => bare(word).toLowerCase()));
  const terms = new Map<string, string>();
  const add = (word: string): void => {
    if (word.length < 2 || !LATIN.test(word) || !ASCII_WORD.test(word) || STARTS_WITH_DIGIT.test(word)) return;
    const key = word.toLowerCase();
    if (!plain.has(key) && !terms.has(key)) terms.set(key, word);
  };
  for (const token of new Set(text.split(/\s+/))) {
    if (!LATIN.test(token)) continue;
    const segments = token.split(PATH_SEPARATORS).filter((segment) => segment !== "");
    for (const raw of segments) {
      const segment = raw.replace(/^[.\-_]+|[.\-_]+$/g, "");
      if (segments.length > 1) add(segment);
      const words = segment.split(WORD_SEPARATORS).filter((word) => word !== "");
      if (words.length > 1 && words.length <= MAX_TAIL_PARTS) {
        for (const word of words) add(word);
        const starts = [...segment.matchAll(WORD_SEPARATORS_ALL)].map((m) => m.index + m[0].length);
        for (const start of starts.slice(0, -1)) add(segment.slice(start));
      }
      for (const word of words) {
        const humps = word.split(CAMEL_BOUNDARY);
        if (humps.length < 2) continue;
        for (const hump of humps) add(hump);
        for (let start = 1; start < humps.length - 1; start++) add(humps.slice(start).join(""));
      }
    }
  }
  return [...terms.values()].join(" ");
}

describe("entry documents of the seed", () => {
  let timeline: Timeline;
  const byStamp = (iso: string): Entry => {
    const entry = timeline.byId.get(iso);
    if (!entry) throw new Error(`no entry ${iso} in the seed`);
    return entry;
  };

  beforeAll(async () => {
    timeline = await loadTimeline([SEED]);
  });

  it("makes one document per entry, at the entry's URL, in its year, as an entry", () => {
    const documents = entryDocuments(timeline.entries, timeline.tags);
    expect(documents.map((document) => document.url)).toEqual(timeline.entries.map((entry) => entry.url));
    const rpcbind = entryDocument(byStamp("2012-11-07T14:59"), timeline.tags);
    expect(rpcbind).toMatchObject({ title: "rpcbind", date: "2012-11-07T14:59", year: "2012", kind: "entry" });
    expect(rpcbind.tags).toEqual(["software skill", "mount", "network", "nfs", "rpc", "rpcbind"]);
  });

  it("holds the header, the outline and every transcript's commands and output", () => {
    const { text } = entryDocument(byStamp("2012-11-07T14:59"), timeline.tags);
    for (const line of [
      "software skill, mount, network, nfs; rpc, rpcbind",
      "1, mount fail because the rpcbind not started",
      "linux-iwgo:/home/suse # zypper se rpc",
      "i | rpcbind                 | Transport independent RPC portmapper     | package",
      "linux-iwgo:/home/suse # rcrpcbind restart",
      "mount.nfs: trying 147.2.207.77 prog 100005 vers 3 prot UDP port 33276",
      "3, nfs mount successful",
    ]) {
      expect(text).toContain(line);
    }
    const gdb = entryDocument(byStamp("2012-11-05T11:17"), timeline.tags).text;
    expect(gdb).toContain("Breakpoint 1 at 0x479eb0");
    expect(gdb).toContain("虽然找到了统计信息在什么地方");
  });

  it("loses no line of any entry, in the seed and in the corpus", async () => {
    const corpus = path.resolve("test/fixtures/corpus");
    const files = [SEED, ...(await readdir(corpus)).filter((file) => file.endsWith(".txt")).map((file) => path.join(corpus, file))];
    const all = await loadTimeline(files);
    const lost: string[] = [];
    for (const entry of all.entries) {
      const text = new Set(entryDocument(entry, all.tags).text.split("\n").map((line) => line.trim()));
      const lines = entry.raw.split(/\r?\n/).slice(entry.stampText.split("\n").length);
      for (const line of lines) if (line.trim() !== "" && !text.has(line.trim())) lost.push(`${entry.id}: ${line}`);
    }
    expect(all.entries.length).toBeGreaterThan(300);
    expect(lost).toEqual([]);
  });

  it("keeps the index-only words out of the text a reader sees", () => {
    const document = entryDocument(byStamp("2012-11-05T11:17"), timeline.tags);
    expect(document.terms.split(" ")).toEqual(expect.arrayContaining(["xen_disk.c", "Stats"]));
    expect(document.text).not.toContain("xen disk");
    expect(document.text.split(/\s+/)).not.toContain("Stats");
  });

  it("gives a tag the timeline's one spelling", () => {
    const entry = byStamp("2012-11-05T10:16");
    const respelled = { ...entry, tags: entry.tags.map((tag) => tag.toUpperCase()) };
    const document = entryDocument(respelled, timeline.tags);
    expect(document.tags).toEqual(entry.tags.map((tag) => timeline.tags.get(tag.toLowerCase())!.name));
  });
});

describe("postDocument", () => {
  it("is a post, dated and filed by year like an entry", () => {
    const post = postDocument({
      url: "/blog/armv8-and-arm-server/",
      title: "armv8 and arm server",
      date: "2012-11-05T10:37",
      tags: [{ name: "arm" }, { name: "armv8" }],
      text: "Linaro Enterprise Group (LEG) will build on Linaro’s experience. AArch64",
    });
    expect(post).toMatchObject({ kind: "post", year: "2012", date: "2012-11-05T10:37" });
    expect(post.terms.split(" ")).not.toContain("Linaro");
  });
});

describe("entry documents kept between builds (the dev server)", () => {
  it("keeps the document of an entry whose parse, URL and tags are the same, and makes the others again", async () => {
    const kept = keptModels<SearchDocument>();
    const first = await loadTimeline([SEED]);
    const before = entryDocuments(first.entries, first.tags, undefined, nextBuild(kept));
    // The same log read again: new entry objects, the same parses.
    const again = await loadTimeline([SEED]);
    const same = entryDocuments(again.entries, again.tags, undefined, nextBuild(kept));
    expect(same.every((document, i) => document === before[i])).toBe(true);
    // An entry whose text changed, and one whose URL did: made again, as without memory.
    const [edited, moved, ...rest] = again.entries;
    const changed = [{ ...edited!, digest: `${edited!.digest}x`, header: null }, { ...moved!, url: `${moved!.url}2/` }, ...rest];
    const after = entryDocuments(changed, again.tags, undefined, nextBuild(kept));
    expect(after[0]).not.toBe(same[0]);
    expect(after[1]).not.toBe(same[1]);
    expect(after.slice(2).every((document, i) => document === same[i + 2])).toBe(true);
    expect(after).toEqual(entryDocuments(changed, again.tags));
  });
});
